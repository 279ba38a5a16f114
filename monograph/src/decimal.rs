//! Numbers as decimal digits, for messages, paths and dates that the shipped
//! WASM writes. The leaflet builds its text with `concat` and this, not
//! `format!`: one use of `core::fmt` anywhere it runs keeps all of Rust's
//! formatting machinery in the WASM (about 1 KB brotli).

/// `n` in decimal digits: `decimal(2025)` is "2025".
pub fn decimal(n: usize) -> String {
    let mut text = String::new();
    push_digits(&mut text, n);
    text
}

/// The digits before the last first.
fn push_digits(text: &mut String, n: usize) {
    if n >= 10 {
        push_digits(text, n / 10);
    }
    text.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn writes_numbers_as_display_does() {
        for n in [0, 1, 9, 10, 99, 100, 2025, 65_535, usize::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
    }
}
