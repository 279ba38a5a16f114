//! A small static file server for the demo, the end-to-end tests and the bench:
//! GET and HEAD only, on 127.0.0.1, with the right MIME type for `.wasm`
//! (browsers refuse to stream-compile WebAssembly served as anything else) and,
//! like any production web server, text and WASM compressed with brotli or gzip
//! when the browser accepts it, so the bench's slow network moves the bytes a
//! real portal would send.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime};
use std::{fs, thread};

use anyhow::{Context, Result};

/// URL prefix to folder, e.g. `("/widget/", "dist")`; the longest prefix wins.
pub type Mounts = Vec<(String, PathBuf)>;

pub struct StaticServer {
    pub address: SocketAddr,
    requests: Arc<Mutex<Vec<String>>>,
    delays: Arc<Delays>,
    cached: Arc<CachedPrefixes>,
}

/// Paths answered late, and how late: a slow network, for the tests.
type Delays = Mutex<Vec<(String, Duration)>>;

/// Path prefixes answered with `Cache-Control: max-age`, and the age: a
/// repeat visit, for the bench. Everything else is `no-store`.
type CachedPrefixes = Mutex<Vec<(String, Duration)>>;

/// A compressed body: filled once, by the first request that needs it, while
/// requests for the same file wait (None: the encoder failed, send it as is).
type CompressedSlot = Arc<OnceLock<Option<Arc<Vec<u8>>>>>;

/// Compressed bodies by file, modification time and encoding, for the whole
/// process: brotli at its best quality takes about a second for the WASM, and
/// the end-to-end tests start a server per test.
static COMPRESSED: OnceLock<Mutex<HashMap<CompressedKey, CompressedSlot>>> = OnceLock::new();

/// A file as it was at one modification time, in one encoding and effort.
type CompressedKey = (PathBuf, SystemTime, Encoding, Effort);

/// How hard to compress: `Fast` for the demo and the tests (brotli quality 5,
/// ~15 ms for the WASM, about 14% larger than quality 11), `Best` for the bench.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Effort {
    Fast,
    Best,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    /// The best encoding an `Accept-Encoding` header allows, if any.
    fn negotiate(accept_encoding: &str) -> Option<Encoding> {
        let accepted: Vec<&str> = accept_encoding
            .split(',')
            .filter_map(|coding| {
                let mut parts = coding.split(';').map(str::trim);
                let name = parts.next()?;
                let quality = parts
                    .find_map(|param| param.strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.parse::<f32>().ok())?;
                (quality > 0.0).then_some(name)
            })
            .collect();
        if accepted.contains(&"br") {
            Some(Encoding::Brotli)
        } else if accepted.contains(&"gzip") {
            Some(Encoding::Gzip)
        } else {
            None
        }
    }

    fn header_value(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    fn compress(self, body: &[u8], effort: Effort) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        let best = effort == Effort::Best;
        match self {
            Encoding::Brotli => {
                let params = brotli::enc::BrotliEncoderParams {
                    quality: if best { 11 } else { 5 },
                    ..Default::default()
                };
                brotli::BrotliCompress(&mut &body[..], &mut out, &params)?;
            }
            Encoding::Gzip => {
                let level = if best {
                    flate2::Compression::best()
                } else {
                    flate2::Compression::default()
                };
                let mut encoder = flate2::write::GzEncoder::new(&mut out, level);
                encoder.write_all(body)?;
                encoder.finish()?;
            }
        }
        Ok(out)
    }
}

impl StaticServer {
    /// Serves `mounts` on 127.0.0.1:`port` (0 picks a free port) from a
    /// background thread that lives as long as the process.
    pub fn start(port: u16, mounts: Mounts) -> Result<StaticServer> {
        StaticServer::start_compressing(port, mounts, Effort::Fast)
    }

    /// Like `start`, compressing as a production server's build step would
    /// (brotli quality 11: about a second for the WASM, once), so the bench
    /// moves the bytes `cargo xtask dist` reports.
    pub fn start_compressing_best(port: u16, mounts: Mounts) -> Result<StaticServer> {
        StaticServer::start_compressing(port, mounts, Effort::Best)
    }

    fn start_compressing(port: u16, mounts: Mounts, effort: Effort) -> Result<StaticServer> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .with_context(|| format!("cannot listen on 127.0.0.1:{port}"))?;
        let address = listener.local_addr()?;
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requests);
        let mounts = Arc::new(mounts);
        let delays = Arc::new(Delays::default());
        let late = Arc::clone(&delays);
        let cached = Arc::new(CachedPrefixes::default());
        let cacheable = Arc::clone(&cached);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mounts = Arc::clone(&mounts);
                let log = Arc::clone(&log);
                let late = Arc::clone(&late);
                let cacheable = Arc::clone(&cacheable);
                // One thread a request: a delayed answer holds up nothing else.
                thread::spawn(move || {
                    let rules = Rules {
                        delays: &late,
                        cached: &cacheable,
                        effort,
                    };
                    // A client that hangs up mid-request is not the server's problem.
                    let _ = respond(stream, &mounts, &log, rules);
                });
            }
        });
        Ok(StaticServer {
            address,
            requests,
            delays,
            cached,
        })
    }

    /// From now on, lets browsers keep the files under `prefix` for `max_age`
    /// (`Cache-Control: max-age`), as a portal serving versioned files would.
    pub fn cache_for(&self, prefix: &str, max_age: Duration) {
        if let Ok(mut cached) = self.cached.lock() {
            cached.push((prefix.to_owned(), max_age));
        }
    }

    /// From now on, answers requests for `path` `delay` after they arrive.
    pub fn delay(&self, path: &str, delay: Duration) {
        if let Ok(mut delays) = self.delays.lock() {
            delays.push((path.to_owned(), delay));
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Paths requested so far, in order (for the privacy tests).
    pub fn requested_paths(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

/// How a server answers, besides its files: late, cacheable, how compressed.
#[derive(Clone, Copy)]
struct Rules<'a> {
    delays: &'a Delays,
    cached: &'a CachedPrefixes,
    effort: Effort,
}

impl Rules<'_> {
    fn cache_control(&self, path: &str) -> String {
        let max_age = self.cached.lock().ok().and_then(|cached| {
            cached
                .iter()
                .find(|(prefix, _)| path.starts_with(prefix.as_str()))
                .map(|(_, max_age)| *max_age)
        });
        max_age.map_or("no-store".into(), |age| format!("max-age={}", age.as_secs()))
    }
}

fn respond(mut stream: TcpStream, mounts: &Mounts, log: &Mutex<Vec<String>>, rules: Rules) -> Result<()> {
    let Rules { delays, effort, .. } = rules;
    let arrived = Instant::now();
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Only Accept-Encoding changes the answer.
    let mut encoding = None;
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                encoding = Encoding::negotiate(&value.to_ascii_lowercase());
            }
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or_default(), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if let Ok(mut requests) = log.lock() {
        requests.push(path.to_owned());
    }
    let delay = delays.lock().ok().and_then(|delays| {
        delays
            .iter()
            .find(|(late, _)| late == path)
            .map(|(_, delay)| *delay)
    });
    if method != "GET" && method != "HEAD" {
        return write_response(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n",
            None,
            false,
            "no-store",
        );
    }
    let head_only = method == "HEAD";
    let cache_control = rules.cache_control(path);
    // The time first, then the bytes: a rebuild in between is cached under
    // the older time and replaced on the next request.
    let found = resolve(mounts, path).and_then(|file| {
        let modified = fs::metadata(&file).and_then(|m| m.modified()).ok()?;
        let body = fs::read(&file).ok()?;
        Some((file, modified, body))
    });
    let Some((file, modified, body)) = found else {
        return write_response(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            None,
            head_only,
            "no-store",
        );
    };
    let mime = mime_type(&file);
    let encoding = encoding.filter(|_| is_compressible(mime));
    let compressed = match encoding {
        Some(encoding) => compressed((file, modified, encoding, effort), &body)?,
        None => None,
    };
    // A late answer is sent `delay` after the request came, however long
    // compressing it took (on a loaded machine, seconds).
    if let Some(delay) = delay {
        thread::sleep(delay.saturating_sub(arrived.elapsed()));
    }
    match compressed {
        Some(compressed) => write_response(
            &mut stream,
            "200 OK",
            mime,
            &compressed,
            encoding,
            head_only,
            &cache_control,
        ),
        None => write_response(
            &mut stream,
            "200 OK",
            mime,
            &body,
            None,
            head_only,
            &cache_control,
        ),
    }
}

fn is_compressible(mime: &str) -> bool {
    mime.starts_with("text/")
        || mime == "application/wasm"
        || mime == "application/json"
        || mime == "image/svg+xml"
}

fn compressed(key: CompressedKey, body: &[u8]) -> Result<Option<Arc<Vec<u8>>>> {
    let (_, _, encoding, effort) = key;
    let slot = COMPRESSED
        .get_or_init(Mutex::default)
        .lock()
        .map(|mut slots| Arc::clone(slots.entry(key).or_default()))
        .map_err(|_| anyhow::anyhow!("the compression cache is poisoned"))?;
    Ok(slot
        .get_or_init(|| encoding.compress(body, effort).ok().map(Arc::new))
        .clone())
}

/// Maps a URL path to a file under a mount, refusing `..` and absolute parts.
fn resolve(mounts: &Mounts, path: &str) -> Option<PathBuf> {
    let (prefix, dir) = mounts
        .iter()
        .filter(|(prefix, _)| path.starts_with(prefix.as_str()))
        .max_by_key(|(prefix, _)| prefix.len())?;
    let relative = Path::new(&path[prefix.len()..]);
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut file = dir.join(relative);
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn mime_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ts" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn write_response(
    stream: &mut TcpStream,
    status: &str,
    mime: &str,
    body: &[u8],
    encoding: Option<Encoding>,
    head_only: bool,
    cache_control: &str,
) -> Result<()> {
    let mut content_encoding = encoding
        .map(|encoding| format!("Content-Encoding: {}\r\n", encoding.header_value()))
        .unwrap_or_default();
    // Compressed or not, the answer for this type depends on Accept-Encoding.
    if is_compressible(mime) {
        content_encoding.push_str("Vary: Accept-Encoding\r\n");
    }
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\n{content_encoding}Content-Length: {}\r\nCache-Control: {cache_control}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    Ok(stream.flush()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_files_with_their_mime_type_and_refuses_traversal() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("sub/app.wasm"), b"\0asm").unwrap();
        let mounts: Mounts = vec![("/widget/".into(), dir.clone())];
        let file = resolve(&mounts, "/widget/sub/app.wasm").expect("found");
        assert_eq!(mime_type(&file), "application/wasm");
        assert_eq!(resolve(&mounts, "/widget/../Cargo.toml"), None);
        assert_eq!(resolve(&mounts, "/other/sub/app.wasm"), None);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn only_the_cached_prefixes_may_be_kept() {
        let cached = CachedPrefixes::default();
        let rules = Rules {
            delays: &Delays::default(),
            cached: &cached,
            effort: Effort::Fast,
        };
        assert_eq!(rules.cache_control("/drug-leaflet/drug-leaflet.js"), "no-store");
        cached
            .lock()
            .unwrap()
            .push(("/drug-leaflet/".into(), Duration::from_secs(60)));
        assert_eq!(rules.cache_control("/drug-leaflet/drug-leaflet.js"), "max-age=60");
        assert_eq!(rules.cache_control("/widget.html"), "no-store");
    }

    #[test]
    fn prefers_brotli_then_gzip_and_honours_a_refusal() {
        assert_eq!(
            Encoding::negotiate("gzip, deflate, br, zstd"),
            Some(Encoding::Brotli)
        );
        assert_eq!(Encoding::negotiate("gzip, deflate"), Some(Encoding::Gzip));
        assert_eq!(Encoding::negotiate("br;q=0, gzip;q=0.5"), Some(Encoding::Gzip));
        assert_eq!(Encoding::negotiate("br; q=0.0"), None);
        assert_eq!(Encoding::negotiate("identity"), None);
    }

    #[test]
    fn compressed_bodies_decode_to_the_file() {
        let body = b"<p>nusinersen</p>".repeat(100);
        for effort in [Effort::Fast, Effort::Best] {
            let mut decoded = Vec::new();
            let brotli = Encoding::Brotli.compress(&body, effort).unwrap();
            brotli::BrotliDecompress(&mut &brotli[..], &mut decoded).unwrap();
            assert_eq!(decoded, body);
            let gzip = Encoding::Gzip.compress(&body, effort).unwrap();
            let mut decoded = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gzip[..]), &mut decoded).unwrap();
            assert_eq!(decoded, body);
            assert!(gzip.len() < body.len() / 10);
        }
    }
}
