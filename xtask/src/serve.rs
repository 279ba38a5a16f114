//! A small static file server for the demo and the end-to-end tests: GET and
//! HEAD only, on 127.0.0.1, with the right MIME type for `.wasm` (browsers
//! refuse to stream-compile WebAssembly served as anything else).

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::{fs, thread};

use anyhow::{Context, Result};

/// URL prefix to folder, e.g. `("/widget/", "dist")`; the longest prefix wins.
pub type Mounts = Vec<(String, PathBuf)>;

pub struct StaticServer {
    pub address: SocketAddr,
    requests: Arc<Mutex<Vec<String>>>,
}

impl StaticServer {
    /// Serves `mounts` on 127.0.0.1:`port` (0 picks a free port) from a
    /// background thread that lives as long as the process.
    pub fn start(port: u16, mounts: Mounts) -> Result<StaticServer> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .with_context(|| format!("cannot listen on 127.0.0.1:{port}"))?;
        let address = listener.local_addr()?;
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requests);
        let mounts = Arc::new(mounts);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mounts = Arc::clone(&mounts);
                let log = Arc::clone(&log);
                thread::spawn(move || {
                    // A client that hangs up mid-request is not the server's problem.
                    let _ = respond(stream, &mounts, &log);
                });
            }
        });
        Ok(StaticServer { address, requests })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Paths requested so far, in order (for the privacy tests).
    pub fn requested_paths(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

fn respond(mut stream: TcpStream, mounts: &Mounts, log: &Mutex<Vec<String>>) -> Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them changes the answer.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or_default(), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if let Ok(mut requests) = log.lock() {
        requests.push(path.to_owned());
    }
    if method != "GET" && method != "HEAD" {
        return write_response(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n",
            false,
        );
    }
    match resolve(mounts, path).and_then(|file| fs::read(&file).ok().map(|body| (file, body))) {
        Some((file, body)) => {
            write_response(&mut stream, "200 OK", mime_type(&file), &body, method == "HEAD")
        }
        None => write_response(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            method == "HEAD",
        ),
    }
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
    head_only: bool,
) -> Result<()> {
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
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
}
