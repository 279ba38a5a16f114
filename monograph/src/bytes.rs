//! The host door's answer as bytes. The door (shape walk, serde, the rules)
//! is its own WASM module, loaded the first time a page hands the leaflet a
//! monograph; it writes the monograph it validated, or the problems, in this
//! form, and the leaflet's module reads it back with a few generic functions
//! instead of serde's visitors. Both sides are this code, built from one
//! source, so the format needs no version: lengths are LEB128, text is UTF-8,
//! an enum is its index or its variant's name, fields come in the order
//! `model_types!` lists them.

use implicit_clone::unsync::{IArray, IString};
use implicit_clone::ImplicitClone;

use crate::model::{
    Additions, Block, Definition, Item, Meta, Monograph, Review, Revision, Rights, Section, Source,
    SourceKind, SourceRef,
};
use crate::problem::Problem;

/// What the door answers: the monograph, or why it cannot be shown.
pub type Parsed = Result<Monograph, Vec<Problem>>;

/// The door's answer as bytes.
pub fn encode(parsed: &Parsed) -> Vec<u8> {
    let mut out = Vec::new();
    parsed.encode(&mut out);
    out
}

/// The door's answer from `bytes`; `None` if they are not one answer, whole.
pub fn decode(mut bytes: &[u8]) -> Option<Parsed> {
    let parsed = Parsed::decode(&mut bytes)?;
    bytes.is_empty().then_some(parsed)
}

pub trait Encode {
    fn encode(&self, out: &mut Vec<u8>);
}

pub trait Decode: Sized {
    /// Reads one value from the front of `input`, moving it on.
    fn decode(input: &mut &[u8]) -> Option<Self>;
}

fn encode_len(mut len: usize, out: &mut Vec<u8>) {
    while len >= 0x80 {
        out.push(len as u8 | 0x80);
        len >>= 7;
    }
    out.push(len as u8);
}

fn decode_byte(input: &mut &[u8]) -> Option<u8> {
    let (&byte, rest) = input.split_first()?;
    *input = rest;
    Some(byte)
}

fn decode_len(input: &mut &[u8]) -> Option<usize> {
    let mut len = 0usize;
    for shift in (0..usize::BITS).step_by(7) {
        let byte = decode_byte(input)?;
        len |= usize::from(byte & 0x7f).checked_shl(shift)?;
        if byte < 0x80 {
            return Some(len);
        }
    }
    None
}

impl Encode for str {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_len(self.len(), out);
        out.extend_from_slice(self.as_bytes());
    }
}

impl Decode for String {
    fn decode(input: &mut &[u8]) -> Option<String> {
        let len = decode_len(input)?;
        let text = input.get(..len)?;
        *input = &input[len..];
        String::from_utf8(text.to_vec()).ok()
    }
}

impl Encode for String {
    fn encode(&self, out: &mut Vec<u8>) {
        self.as_str().encode(out);
    }
}

impl Encode for IString {
    fn encode(&self, out: &mut Vec<u8>) {
        self.as_str().encode(out);
    }
}

impl Decode for IString {
    fn decode(input: &mut &[u8]) -> Option<IString> {
        String::decode(input).map(IString::from)
    }
}

impl Encode for bool {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
}

impl Decode for bool {
    fn decode(input: &mut &[u8]) -> Option<bool> {
        match decode_byte(input)? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.encode(out);
            }
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(input: &mut &[u8]) -> Option<Option<T>> {
        match decode_byte(input)? {
            0 => Some(None),
            1 => T::decode(input).map(Some),
            _ => None,
        }
    }
}

impl<T: Encode> Encode for [T] {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_len(self.len(), out);
        for item in self {
            item.encode(out);
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(input: &mut &[u8]) -> Option<Vec<T>> {
        let len = decode_len(input)?;
        // Each element takes at least a byte: no allocation beyond the input.
        if len > input.len() {
            return None;
        }
        (0..len).map(|_| T::decode(input)).collect()
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        self.as_slice().encode(out);
    }
}

impl<T: Encode + ImplicitClone + 'static> Encode for IArray<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        self.as_slice().encode(out);
    }
}

impl<T: Decode + ImplicitClone + 'static> Decode for IArray<T> {
    fn decode(input: &mut &[u8]) -> Option<IArray<T>> {
        // Empty as serde's `default` makes it: IArray's `==` tells the two apart.
        Vec::decode(input).map(|items| match items.is_empty() {
            true => IArray::EMPTY,
            false => IArray::from(items),
        })
    }
}

impl<T: Encode, E: Encode> Encode for Result<T, E> {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Ok(value) => {
                out.push(0);
                value.encode(out);
            }
            Err(error) => {
                out.push(1);
                error.encode(out);
            }
        }
    }
}

impl<T: Decode, E: Decode> Decode for Result<T, E> {
    fn decode(input: &mut &[u8]) -> Option<Result<T, E>> {
        match decode_byte(input)? {
            0 => T::decode(input).map(Ok),
            1 => E::decode(input).map(Err),
            _ => None,
        }
    }
}

/// A fieldless enum as its index in its `ALL` table.
macro_rules! by_index {
    ($($kind:ident),*) => {$(
        impl Encode for $kind {
            fn encode(&self, out: &mut Vec<u8>) {
                out.push(*self as u8);
            }
        }

        impl Decode for $kind {
            fn decode(input: &mut &[u8]) -> Option<$kind> {
                $kind::ALL.get(usize::from(decode_byte(input)?)).copied()
            }
        }
    )*};
}

by_index!(Rights, SourceKind);

/// A struct as its fields in order; an enum as its variant's name, then the
/// variant's fields.
macro_rules! by_fields {
    () => {};
    (struct $name:ident { $($field:ident),* $(,)? } $($rest:tt)*) => {
        impl Encode for $name {
            fn encode(&self, out: &mut Vec<u8>) {
                let $name { $($field),* } = self;
                $($field.encode(out);)*
            }
        }

        impl Decode for $name {
            fn decode(input: &mut &[u8]) -> Option<$name> {
                Some($name { $($field: Decode::decode(input)?),* })
            }
        }
        by_fields!($($rest)*);
    };
    (enum $name:ident { $($variant:ident { $($field:ident),* $(,)? }),* $(,)? } $($rest:tt)*) => {
        impl Encode for $name {
            fn encode(&self, out: &mut Vec<u8>) {
                match self {
                    $($name::$variant { $($field),* } => {
                        stringify!($variant).encode(out);
                        $($field.encode(out);)*
                    })*
                }
            }
        }

        impl Decode for $name {
            fn decode(input: &mut &[u8]) -> Option<$name> {
                Some(match String::decode(input)?.as_str() {
                    $(stringify!($variant) => $name::$variant { $($field: Decode::decode(input)?),* },)*
                    _ => return None,
                })
            }
        }
        by_fields!($($rest)*);
    };
}

crate::model_types!(by_fields);
by_fields! {
    struct Problem { path, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nusinersen() -> Monograph {
        toml::from_str(include_str!("../../monographs/nusinersen.toml")).expect("the bundled monograph")
    }

    #[test]
    fn a_monograph_and_problems_come_back_as_they_went() {
        let monograph = nusinersen();
        assert_eq!(decode(&encode(&Ok(monograph.clone()))), Some(Ok(monograph)));
        let problems = vec![Problem {
            path: "sections[0].heading".into(),
            message: "must not be empty — «é» \u{1F600}".into(),
        }];
        assert_eq!(decode(&encode(&Err(problems.clone()))), Some(Err(problems)));
    }

    #[test]
    fn lengths_of_every_size_round_trip() {
        for len in [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 21, usize::MAX] {
            let mut out = Vec::new();
            encode_len(len, &mut out);
            let mut input = out.as_slice();
            assert_eq!(decode_len(&mut input), Some(len), "{len}");
            assert!(input.is_empty());
        }
    }

    #[test]
    fn cut_or_padded_bytes_are_refused_not_misread() {
        let bytes = encode(&Ok(nusinersen()));
        for end in [0, 1, 2, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(decode(&bytes[..end]), None, "cut at {end}");
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert_eq!(decode(&padded), None);
        // A list claiming more elements than there are bytes allocates nothing.
        assert_eq!(decode(&[1, 0xff, 0xff, 0xff, 0xff, 0x0f]), None);
        // An unknown variant, enum index or flag.
        let mut unknown_kind = Vec::new();
        Err::<Monograph, _>(vec![Problem {
            path: "p".into(),
            message: "m".into(),
        }])
        .encode(&mut unknown_kind);
        unknown_kind[0] = 7;
        assert_eq!(decode(&unknown_kind), None);
        assert_eq!(SourceKind::decode(&mut [8u8].as_slice()), None);
        assert_eq!(Block::decode(&mut b"\x04Poem".as_slice()), None);
    }
}
