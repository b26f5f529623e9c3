//! PDF extraction in worker processes.
//!
//! pdf-extract can overflow its stack on a PDF whose XObject draws itself (an abort that
//! `catch_unwind` cannot stop), take gigabytes on a flate bomb, or spin. A thread cannot be
//! killed, so extraction runs in long-lived child processes — the same binary in a hidden
//! worker mode — each with a memory cap (`setrlimit`). The parent gives each document a
//! deadline, kills and replaces a worker that overruns or dies, and records the file's error
//! (`timeout`, `memory`, `crashed`). Text files never leave the parent.
//!
//! Protocol on the child's stdin / stdout, little-endian:
//! request  = len:u64 bytes
//! response = 0:u8 pages:u64 len:u64 text | 1:u8 kind:u8 len:u64 message

use super::pdf::{self, PdfError, PdfText};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How PDFs are extracted.
#[derive(Debug, Clone)]
pub enum PdfMode {
    /// In this process: fastest, but a hostile PDF can abort or exhaust it.
    InProcess,
    /// In worker processes started as `exe args…`.
    Isolated(WorkerSpec),
}

#[derive(Debug, Clone)]
pub struct WorkerSpec {
    pub exe: PathBuf,
    /// Arguments that start the worker mode; `--max-memory BYTES` is appended.
    pub args: Vec<String>,
    pub timeout: Duration,
    pub max_memory: u64,
}

/// The worker's side: serves requests until its stdin closes.
pub fn serve(max_memory: u64) -> io::Result<()> {
    limit_memory(max_memory);
    let mut input = BufReader::new(io::stdin().lock());
    let mut output = BufWriter::new(io::stdout().lock());
    loop {
        let mut len = [0u8; 8];
        match input.read_exact(&mut len) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e),
        }
        let mut bytes = vec![0u8; u64::from_le_bytes(len) as usize];
        input.read_exact(&mut bytes)?;
        match pdf::extract(&bytes) {
            Ok(t) => {
                output.write_all(&[0])?;
                output.write_all(&(t.pages as u64).to_le_bytes())?;
                output.write_all(&(t.text.len() as u64).to_le_bytes())?;
                output.write_all(t.text.as_bytes())?;
            }
            Err(e) => {
                let (code, msg) = encode_error(&e);
                output.write_all(&[1, code])?;
                output.write_all(&(msg.len() as u64).to_le_bytes())?;
                output.write_all(msg.as_bytes())?;
            }
        }
        output.flush()?;
    }
}

#[cfg(unix)]
fn limit_memory(bytes: u64) {
    if bytes == 0 {
        return;
    }
    let lim = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit reads a valid struct; failure leaves the worker uncapped, which the
    // parent's deadline still bounds.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &lim);
    }
}

#[cfg(not(unix))]
fn limit_memory(_bytes: u64) {}

fn encode_error(e: &PdfError) -> (u8, String) {
    match e {
        PdfError::Unreadable(m) => (0, m.clone()),
        PdfError::Encrypted => (1, String::new()),
        PdfError::NoTextLayer => (2, String::new()),
        PdfError::Panicked(m) => (3, m.clone()),
        other => (4, other.to_string()),
    }
}

fn decode_error(code: u8, msg: String) -> PdfError {
    match code {
        0 => PdfError::Unreadable(msg),
        1 => PdfError::Encrypted,
        2 => PdfError::NoTextLayer,
        3 => PdfError::Panicked(msg),
        _ => PdfError::Crashed(msg),
    }
}

/// A running worker: its process, the pipe requests go into, and the responses read by a
/// thread of its own (so that the parent can wait with a deadline).
struct Worker {
    child: Child,
    stdin: ChildStdin,
    responses: Receiver<io::Result<Result<PdfText, PdfError>>>,
    /// The end of what the worker printed on stderr: how an abort is told apart.
    stderr_tail: Arc<Mutex<Vec<u8>>>,
}

impl Worker {
    fn start(spec: &WorkerSpec) -> io::Result<Worker> {
        let mut child = Command::new(&spec.exe)
            .args(&spec.args)
            .arg("--max-memory")
            .arg(spec.max_memory.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| io::Error::other("no stdin"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| io::Error::other("no stdout"))?;
        let mut stderr = child
            .stderr
            .take()
            .ok_or_else(|| io::Error::other("no stderr"))?;
        let (tx, responses) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let resp = read_response(&mut r);
                let end = resp.is_err();
                if tx.send(resp).is_err() || end {
                    return;
                }
            }
        });
        let stderr_tail = Arc::new(Mutex::new(Vec::new()));
        let tail = Arc::clone(&stderr_tail);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    return;
                }
                if let Ok(mut t) = tail.lock() {
                    t.extend_from_slice(&buf[..n]);
                    let excess = t.len().saturating_sub(4096);
                    t.drain(..excess);
                }
            }
        });
        Ok(Worker {
            child,
            stdin,
            responses,
            stderr_tail,
        })
    }

    /// Why the worker died, from its exit status and its last words.
    fn autopsy(&mut self) -> PdfError {
        let status = self.child.wait().ok();
        // The stderr thread may still be draining the last words.
        std::thread::sleep(Duration::from_millis(20));
        let said = self
            .stderr_tail
            .lock()
            .map(|t| String::from_utf8_lossy(&t).into_owned())
            .unwrap_or_default();
        if said.contains("memory allocation of") || said.contains("capacity overflow") {
            return PdfError::Memory;
        }
        if said.contains("overflowed its stack") {
            return PdfError::Crashed("stack overflow in the PDF reader".into());
        }
        let how = match status {
            #[cfg(unix)]
            Some(s) if std::os::unix::process::ExitStatusExt::signal(&s).is_some() => format!(
                "killed by signal {}",
                std::os::unix::process::ExitStatusExt::signal(&s).unwrap_or(0)
            ),
            Some(s) => format!("exited with {s}"),
            None => "vanished".into(),
        };
        PdfError::Crashed(format!("the PDF reader's process {how}"))
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_response(r: &mut impl Read) -> io::Result<Result<PdfText, PdfError>> {
    let mut tag = [0u8; 1];
    r.read_exact(&mut tag)?;
    let mut word = [0u8; 8];
    if tag[0] == 0 {
        r.read_exact(&mut word)?;
        let pages = u64::from_le_bytes(word) as usize;
        r.read_exact(&mut word)?;
        let mut text = vec![0u8; u64::from_le_bytes(word) as usize];
        r.read_exact(&mut text)?;
        let text = String::from_utf8(text).map_err(|e| io::Error::other(e.to_string()))?;
        Ok(Ok(PdfText { text, pages }))
    } else {
        let mut code = [0u8; 1];
        r.read_exact(&mut code)?;
        r.read_exact(&mut word)?;
        let mut msg = vec![0u8; u64::from_le_bytes(word) as usize];
        r.read_exact(&mut msg)?;
        Ok(Err(decode_error(
            code[0],
            String::from_utf8_lossy(&msg).into_owned(),
        )))
    }
}

/// Idle workers, shared by the threads of a run; a thread takes one, uses it, gives it back.
pub struct Pool {
    spec: WorkerSpec,
    idle: Mutex<Vec<Worker>>,
}

impl Pool {
    pub fn new(spec: WorkerSpec) -> Pool {
        Pool {
            spec,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Extracts one PDF in a worker, within the deadline.
    pub fn extract(&self, bytes: &[u8]) -> Result<PdfText, PdfError> {
        let taken = self.idle.lock().ok().and_then(|mut v| v.pop());
        let mut worker = match taken {
            Some(w) => w,
            None => Worker::start(&self.spec)
                .map_err(|e| PdfError::Crashed(format!("cannot start a PDF worker: {e}")))?,
        };
        let sent = worker
            .stdin
            .write_all(&(bytes.len() as u64).to_le_bytes())
            .and_then(|_| worker.stdin.write_all(bytes))
            .and_then(|_| worker.stdin.flush());
        if sent.is_err() {
            // It died before or while reading: a crash on an earlier file, or on this one.
            return Err(worker.autopsy());
        }
        match worker.responses.recv_timeout(self.spec.timeout) {
            Ok(Ok(result)) => {
                if let Ok(mut v) = self.idle.lock() {
                    v.push(worker);
                }
                result
            }
            Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => Err(worker.autopsy()),
            Err(RecvTimeoutError::Timeout) => {
                worker.kill();
                Err(PdfError::Timeout(self.spec.timeout))
            }
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        if let Ok(mut v) = self.idle.lock() {
            for mut w in v.drain(..) {
                // Closing stdin ends the worker's loop; wait so that no zombie is left.
                drop(w.stdin);
                let _ = w.child.wait();
            }
        }
    }
}
