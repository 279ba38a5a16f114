//! Subresource Integrity values, for dist/'s pins and snippets.

/// Subresource Integrity value: `sha384-<base64>`.
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes))
    )
}
