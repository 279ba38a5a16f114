//! The monograph as the plain object the element's `monograph` getter
//! returns: the fields serde writes, in the model's order, built with js_sys
//! from `monograph::model_types!`'s listing. Not serde-wasm-bindgen: its
//! serializer for every model type cost the module a page always loads about
//! 4 KB brotli, for a getter few pages call; serde stays the door for what
//! comes in (door/).

use implicit_clone::unsync::{IArray, IString};
use implicit_clone::ImplicitClone;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::monograph::model::{
    Additions, Block, Definition, Item, Meta, Monograph, Review, Revision, Rights, Section, Source,
    SourceKind, SourceRef,
};

pub trait ToObject {
    fn to_object(&self) -> JsValue;
}

impl ToObject for IString {
    fn to_object(&self) -> JsValue {
        JsValue::from_str(self)
    }
}

impl ToObject for bool {
    fn to_object(&self) -> JsValue {
        JsValue::from_bool(*self)
    }
}

impl ToObject for Rights {
    fn to_object(&self) -> JsValue {
        JsValue::from_str((*self).into())
    }
}

impl ToObject for SourceKind {
    fn to_object(&self) -> JsValue {
        JsValue::from_str((*self).into())
    }
}

impl<T: ToObject> ToObject for Option<T> {
    fn to_object(&self) -> JsValue {
        self.as_ref().map_or(JsValue::UNDEFINED, T::to_object)
    }
}

impl<T: ToObject + ImplicitClone + 'static> ToObject for IArray<T> {
    fn to_object(&self) -> JsValue {
        self.iter().map(|item| item.to_object()).collect::<Array>().into()
    }
}

/// An object with `fields`, but those serde leaves out of the model: `None`,
/// and a `false` flag (`meta.example`, the model's one bool, skipped when false).
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        if !value.is_undefined() && value.as_bool() != Some(false) {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&object, &JsValue::from_str(name), value);
        }
    }
    object.into()
}

/// A struct as an object of its fields; a block as its `kind` and its fields.
macro_rules! as_objects {
    () => {};
    (struct $name:ident { $($field:ident),* $(,)? } $($rest:tt)*) => {
        impl ToObject for $name {
            fn to_object(&self) -> JsValue {
                let $name { $($field),* } = self;
                object(&[$((stringify!($field), $field.to_object())),*])
            }
        }
        as_objects!($($rest)*);
    };
    (enum $name:ident { $($variant:ident { $($field:ident),* $(,)? }),* $(,)? } $($rest:tt)*) => {
        impl ToObject for $name {
            fn to_object(&self) -> JsValue {
                let kind = ("kind", JsValue::from_str(self.kind()));
                match self {
                    $($name::$variant { $($field),* } => {
                        object(&[kind, $((stringify!($field), $field.to_object())),*])
                    })*
                }
            }
        }
        as_objects!($($rest)*);
    };
}

crate::monograph::model_types!(as_objects);
