//! Python bindings of zhnews: the native module `zhnews._zhnews`.
//!
//! The Python package (`python/zhnews`) re-exports what is here; its
//! docstrings and the type stubs (`_zhnews.pyi`) are the user-facing
//! documentation. Results are the JSON documents of SPEC.md: the dict
//! variants are what `json.loads` makes of the JSON variants, exact values
//! (`value`, `low`, `high`) staying decimal strings; they are built from
//! the same `Serialize` impls by `pyser`, without JSON text in between.
//! In the dict batches, the worker that analyzed a text also builds its
//! dict, taking the GIL for just that while the other workers go on
//! analyzing; the calling thread waits with the GIL released.
//!
//! One engine (`zhnews::Analyzer`, dictionaries and lexicons) is built per
//! process on first use and shared by every Python `Analyzer`; a Python
//! `Analyzer` holds its reference date, which is passed per call, and its
//! own rayon pool for batches, built lazily and built again in a process
//! forked from the one that built it (the threads of a pool do not survive
//! `fork`, and a pool without threads would wait forever).

#![deny(missing_docs)]

mod pyser;

use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use rayon::prelude::*;
use serde::Serialize;
use zhnews::{Document, RefDate};

/// The engine of this process, built on first use (under the GIL, so that
/// no `fork` from Python can happen while it is being built).
fn engine() -> &'static zhnews::Analyzer {
    static ENGINE: OnceLock<zhnews::Analyzer> = OnceLock::new();
    ENGINE.get_or_init(zhnews::Analyzer::new)
}

/// A rayon pool and the process that built it.
struct Pool {
    pid: u32,
    pool: Arc<rayon::ThreadPool>,
}

/// Analyzes Chinese finance news: quantities, times, entities and claims.
///
/// `Analyzer(ref_date=None, threads=None)`: `ref_date` (`"YYYY-MM-DD"` or a
/// `datetime.date`) resolves relative times (`去年`, `上月`) of documents
/// that bring no date of their own; `threads` is the size of the pool that
/// `analyze_batch` runs on (default: all cores, or `RAYON_NUM_THREADS`).
/// Results are SPEC.md documents; exact values are decimal strings.
#[pyclass(module = "zhnews._zhnews", name = "Analyzer", frozen)]
struct Analyzer {
    ref_date: Option<RefDate>,
    threads: Option<usize>,
    pool: Mutex<Option<Pool>>,
}

/// A date argument: `None`, a `"YYYY-MM-DD"` string, or a `datetime.date`
/// (a `datetime.datetime` counts by its date). A bad string is a
/// `ValueError` with the library's message, another type a `TypeError`.
fn date_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<RefDate>> {
    let Some(obj) = obj else { return Ok(None) };
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return RefDate::parse(&s.to_cow()?)
            .map(Some)
            .map_err(|e| PyValueError::new_err(e.to_string()));
    }
    let datetime = obj.py().import("datetime")?;
    let iso = if obj.is_instance(&datetime.getattr("datetime")?)? {
        obj.call_method0("date")?.call_method0("isoformat")?
    } else if obj.is_instance(&datetime.getattr("date")?)? {
        obj.call_method0("isoformat")?
    } else {
        return Err(PyTypeError::new_err(format!(
            "a date is a 'YYYY-MM-DD' str, a datetime.date or None, not {}",
            obj.get_type().name()?
        )));
    };
    RefDate::parse(&iso.extract::<Cow<'_, str>>()?)
        .map(Some)
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The items of an iterable (not a `str`: one text is not a batch).
fn items<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be an iterable of str, not a single str"
        )));
    }
    obj.try_iter()?.collect()
}

/// The per-text dates of a batch: one per text, each `None` for the
/// analyzer's own date.
fn batch_dates(
    dates: Option<&Bound<'_, PyAny>>,
    n: usize,
    default: Option<RefDate>,
) -> PyResult<Vec<Option<RefDate>>> {
    let Some(dates) = dates.filter(|d| !d.is_none()) else {
        return Ok(vec![default; n]);
    };
    let dates = items(dates, "dates")?;
    if dates.len() != n {
        return Err(PyValueError::new_err(format!(
            "{} dates for {} texts: give one date (or None) per text",
            dates.len(),
            n
        )));
    }
    dates
        .iter()
        .enumerate()
        .map(|(i, d)| match date_arg(Some(d)) {
            Ok(d) => Ok(d.or(default)),
            Err(e) => Err(prefixed(d.py(), e, &format!("dates[{i}]"))),
        })
        .collect()
}

/// The same exception type, its message prefixed with where it happened.
fn prefixed(py: Python<'_>, e: PyErr, at: &str) -> PyErr {
    let ty = e.get_type(py);
    let msg = e.value(py).to_string();
    match ty.call1((format!("{at}: {msg}"),)) {
        Ok(v) => PyErr::from_value(v),
        Err(_) => e,
    }
}

/// A SPEC.md value (document, quantity, time) as JSON text.
fn to_json<T: Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value)
        .map_err(|e| PyValueError::new_err(format!("cannot serialize: {e}")))
}

/// A document as the Python API gives it: SPEC's document without its `id`
/// (a text analyzed on its own has none).
#[derive(Serialize)]
struct Unnamed<'a> {
    quantities: &'a [zhnews::Quantity],
    times: &'a [zhnews::Time],
    entities: &'a [zhnews::Entity],
    claims: &'a [zhnews::Claim],
}

impl<'a> From<&'a Document> for Unnamed<'a> {
    fn from(d: &'a Document) -> Unnamed<'a> {
        Unnamed {
            quantities: &d.quantities,
            times: &d.times,
            entities: &d.entities,
            claims: &d.claims,
        }
    }
}

/// A document's JSON text without its `id`.
fn doc_json(d: &Document) -> PyResult<String> {
    to_json(&Unnamed::from(d))
}

/// A SPEC.md value as Python objects (dicts, lists, str, int, bool, None):
/// what `json.loads` makes of its JSON text.
fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pyser::to_object(&mut pyser::Keys::new(py), value)
}

/// One input record of `analyze_records`, read under the GIL.
enum Job<'a> {
    /// A text and its reference date.
    Text(Cow<'a, str>, Option<RefDate>),
    /// Why the record cannot be analyzed (the CLI's message).
    Failed(String),
}

/// What a value that is not a text or a date is, in the words of the CLI's
/// error lines (`a number`, `an array`, ...).
fn kind_of(obj: &Bound<'_, PyAny>) -> String {
    if obj.is_none() {
        "null".to_string()
    } else if obj.is_instance_of::<PyBool>() {
        "a boolean".to_string()
    } else if obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>() {
        "a number".to_string()
    } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        "an array".to_string()
    } else if obj.is_instance_of::<PyDict>() {
        "an object".to_string()
    } else {
        match obj.get_type().name() {
            Ok(name) => format!("of type {name}"),
            Err(_) => "of an unknown type".to_string(),
        }
    }
}

/// The texts and dates of `analyze_records`: one date (or `None`) per text.
#[allow(clippy::type_complexity)]
fn record_items<'py>(
    texts: &Bound<'py, PyAny>,
    dates: Option<&Bound<'py, PyAny>>,
) -> PyResult<(Vec<Bound<'py, PyAny>>, Option<Vec<Bound<'py, PyAny>>>)> {
    let texts = items(texts, "texts")?;
    let Some(dates) = dates.filter(|d| !d.is_none()) else {
        return Ok((texts, None));
    };
    let dates = items(dates, "dates")?;
    if dates.len() != texts.len() {
        return Err(PyValueError::new_err(format!(
            "{} dates for {} texts: give one date (or None) per text",
            dates.len(),
            texts.len()
        )));
    }
    Ok((texts, Some(dates)))
}

impl Analyzer {
    /// The pool of this analyzer in this process.
    fn pool(&self) -> PyResult<Arc<rayon::ThreadPool>> {
        let pid = std::process::id();
        let mut guard = self.pool.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(p) = guard.as_ref().filter(|p| p.pid == pid) {
            return Ok(p.pool.clone());
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads.unwrap_or(0))
            .thread_name(|i| format!("zhnews-{i}"))
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start threads: {e}")))?;
        let pool = Arc::new(pool);
        if let Some(stale) = guard.replace(Pool {
            pid,
            pool: pool.clone(),
        }) {
            // Built in the parent of a fork: its threads are not here, and
            // dropping it could wait on their locks. Leave it be.
            std::mem::forget(stale);
        }
        Ok(pool)
    }

    /// The jobs of `analyze_records`: each record's text and date, or the
    /// CLI's message for why it cannot be analyzed.
    fn jobs<'a>(
        &self,
        texts: &'a [Bound<'_, PyAny>],
        dates: Option<&[Bound<'_, PyAny>]>,
    ) -> Vec<Job<'a>> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let text = if t.is_none() {
                    return Job::Failed("missing field `text`".to_string());
                } else if let Ok(s) = t.cast::<PyString>() {
                    match s.to_cow() {
                        Ok(s) => s,
                        Err(_) => {
                            return Job::Failed("field `text` is not valid Unicode".to_string());
                        }
                    }
                } else {
                    return Job::Failed(format!("field `text` is {}, not a string", kind_of(t)));
                };
                match dates.map(|d| &d[i]) {
                    None => Job::Text(text, self.ref_date),
                    Some(d) if d.is_none() => Job::Text(text, self.ref_date),
                    Some(d) if d.is_instance_of::<PyString>() => match date_arg(Some(d)) {
                        Ok(date) => Job::Text(text, date),
                        Err(e) => Job::Failed(format!("field `date`: {}", e.value(d.py()))),
                    },
                    Some(d) => match date_arg(Some(d)) {
                        Ok(date) => Job::Text(text, date),
                        Err(_) => {
                            Job::Failed(format!("field `date` is {}, not a string", kind_of(d)))
                        }
                    },
                }
            })
            .collect()
    }

    /// Runs the jobs on the pool with the GIL released; `f` makes each
    /// result (in the pool too) from the document or the error message.
    fn run_jobs<'a, R: Send>(
        &self,
        py: Python<'_>,
        jobs: &'a [Job<'_>],
        f: impl Fn(Result<Document, &'a str>) -> R + Sync + Send,
    ) -> PyResult<Vec<R>> {
        let pool = self.pool()?;
        Ok(py.detach(|| pool.install(|| jobs.par_iter().map(|j| f(run_job(j))).collect())))
    }

    /// Runs `work` on every input on the pool with the GIL released and
    /// turns each result into its Python object there too: the worker
    /// takes the GIL just to build the object (`convert`, while the other
    /// workers go on analyzing; the result is in its caches still) and
    /// frees the document after releasing the GIL, in its own thread. The
    /// calling thread waits with the GIL released. The list is in input
    /// order; if `convert` fails, every input still runs and the error of
    /// the first failed input (in input order) is raised.
    fn objects<'a, 'py, I: Sync, D>(
        &self,
        py: Python<'py>,
        inputs: &'a [I],
        work: impl Fn(&'a I) -> D + Sync,
        convert: impl for<'k> Fn(&mut pyser::Keys<'k>, &D) -> PyResult<Bound<'k, PyAny>> + Sync,
    ) -> PyResult<Bound<'py, PyList>> {
        let pool = self.pool()?;
        let objects: Vec<PyResult<Py<PyAny>>> = py.detach(|| {
            pool.install(|| {
                inputs
                    .par_iter()
                    .map(|x| {
                        let done = work(x);
                        let obj = Python::attach(|py| {
                            convert(&mut pyser::Keys::new(py), &done).map(Bound::unbind)
                        });
                        drop(done);
                        obj
                    })
                    .collect()
            })
        });
        let items = objects
            .into_iter()
            .map(|o| o.map(|o| o.into_bound(py)))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// Analyzes one text with the GIL released; `f` makes the result from
    /// the document (with the GIL released too).
    fn one<R: Send>(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        date: Option<&Bound<'_, PyAny>>,
        f: impl FnOnce(Document) -> R + Send,
    ) -> PyResult<R> {
        let date = date_arg(date)?.or(self.ref_date);
        let text = text.to_cow()?;
        let text: &str = &text;
        Ok(py.detach(|| f(engine().analyze_at(text, date))))
    }

    /// The jobs of `analyze_batch`: every item must be a str, `dates`
    /// (if given) one date or `None` per text; else a `TypeError` or a
    /// `ValueError` that names the item.
    fn batch_jobs<'a>(
        &self,
        py: Python<'_>,
        items: &'a [Bound<'_, PyAny>],
        dates: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Job<'a>>> {
        let dates = batch_dates(dates, items.len(), self.ref_date)?;
        items
            .iter()
            .zip(dates)
            .enumerate()
            .map(|(i, (t, d))| match t.cast::<PyString>() {
                Ok(s) => match s.to_cow() {
                    Ok(text) => Ok(Job::Text(text, d)),
                    Err(e) => {
                        let err = PyValueError::new_err(format!(
                            "texts[{i}] is not valid Unicode: {}",
                            e.value(py)
                        ));
                        err.set_cause(py, Some(e));
                        Err(err)
                    }
                },
                Err(_) => Err(PyTypeError::new_err(format!(
                    "texts[{i}] is {}, not a str",
                    kind_of(t)
                ))),
            })
            .collect()
    }
}

/// What the pool makes of one job: the document, or why there is none.
fn run_job<'a>(job: &'a Job<'_>) -> Result<Document, &'a str> {
    match job {
        Job::Text(t, d) => Ok(engine().analyze_at(t, *d)),
        Job::Failed(e) => Err(e.as_str()),
    }
}

/// The dict of a document of `analyze_batch` (whose jobs never fail).
fn batch_object<'py>(
    keys: &mut pyser::Keys<'py>,
    done: &Result<Document, &str>,
) -> PyResult<Bound<'py, PyAny>> {
    match done {
        Ok(doc) => pyser::to_object(keys, &Unnamed::from(doc)),
        Err(e) => Err(PyValueError::new_err(e.to_string())),
    }
}

/// The dict of a record of `analyze_records`: its document, or
/// `{"error": message}`.
fn record_object<'py>(
    keys: &mut pyser::Keys<'py>,
    done: &Result<Document, &str>,
) -> PyResult<Bound<'py, PyAny>> {
    match done {
        Ok(doc) => pyser::to_object(keys, &Unnamed::from(doc)),
        Err(e) => {
            let d = PyDict::new(keys.py());
            d.set_item("error", *e)?;
            Ok(d.into_any())
        }
    }
}

#[pymethods]
impl Analyzer {
    /// `Analyzer(ref_date=None, threads=None)`; `threads` must be at least
    /// 1. Builds the process's engine if this is the first analyzer.
    #[new]
    #[pyo3(signature = (ref_date=None, threads=None))]
    fn new(ref_date: Option<&Bound<'_, PyAny>>, threads: Option<usize>) -> PyResult<Self> {
        if threads == Some(0) {
            return Err(PyValueError::new_err(
                "threads must be at least 1 (or None for all cores)",
            ));
        }
        let ref_date = date_arg(ref_date)?;
        engine();
        Ok(Analyzer {
            ref_date,
            threads,
            pool: Mutex::new(None),
        })
    }

    /// The default reference date, as `"YYYY-MM-DD"`, or `None`.
    #[getter]
    fn ref_date(&self) -> Option<String> {
        self.ref_date.map(|d| d.to_string())
    }

    /// The size of the batch pool, or `None` for all cores.
    #[getter]
    fn threads(&self) -> Option<usize> {
        self.threads
    }

    /// `analyze(text, date=None) -> dict`: the SPEC.md document of one text
    /// (`quantities`, `times`, `entities`, `claims`; no `id`). `date`
    /// (`"YYYY-MM-DD"` or `datetime.date`) overrides the analyzer's
    /// `ref_date` for this text. Exact values are decimal strings, offsets
    /// are byte offsets into the UTF-8 text. The GIL is released meanwhile.
    #[pyo3(signature = (text, date=None))]
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let doc = self.one(py, text, date, |d| d)?;
        to_py(py, &Unnamed::from(&doc))
    }

    /// `analyze_json(text, date=None) -> str`: `analyze` as the JSON text
    /// `zhnews extract` writes (without the `id`).
    #[pyo3(signature = (text, date=None))]
    fn analyze_json(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        self.one(py, text, date, |d| doc_json(&d))?
    }

    /// `analyze_batch(texts, dates=None) -> list[dict]`: `analyze` of every
    /// text, in order, on the analyzer's thread pool with the GIL released.
    /// `dates`, if given, has one date (or `None`) per text. Each worker
    /// builds the dicts of the documents it analyzed, holding the GIL only
    /// for that, while the others go on analyzing.
    #[pyo3(signature = (texts, dates=None))]
    fn analyze_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let items = items(texts, "texts")?;
        let jobs = self.batch_jobs(py, &items, dates)?;
        self.objects(py, &jobs, run_job, batch_object)
    }

    /// `analyze_batch_json(texts, dates=None) -> list[str]`: `analyze_batch`
    /// as JSON texts, serialized on the pool too.
    #[pyo3(signature = (texts, dates=None))]
    fn analyze_batch_json(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        dates: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<String>> {
        let items = items(texts, "texts")?;
        let jobs = self.batch_jobs(py, &items, dates)?;
        self.run_jobs(py, &jobs, |d| match d {
            Ok(doc) => doc_json(&doc).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        })?
        .into_iter()
        .map(|r| r.map_err(PyValueError::new_err))
        .collect()
    }

    /// `analyze_records(texts, dates=None) -> list[dict]`: like
    /// `analyze_batch`, but a record that cannot be analyzed gives
    /// `{"error": message}` in its place instead of an exception: a text
    /// that is `None` or not a str, a date that is not a valid
    /// `"YYYY-MM-DD"`. The messages are the CLI's (``missing field
    /// `text` ``, ``field `date`: invalid date ...``). For data frames,
    /// where one bad row must not fail the job.
    #[pyo3(signature = (texts, dates=None))]
    fn analyze_records<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let (texts, dates) = record_items(texts, dates)?;
        let jobs = self.jobs(&texts, dates.as_deref());
        self.objects(py, &jobs, run_job, record_object)
    }

    /// `analyze_records_jsonl(texts, dates=None) -> bytes`:
    /// `analyze_records` as JSON lines (UTF-8, each ending in `\n`), one
    /// per record, serialized on the pool: the input of Arrow's JSON
    /// reader (`zhnews.spark` reads them so).
    #[pyo3(signature = (texts, dates=None))]
    fn analyze_records_jsonl<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        dates: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let (texts, dates) = record_items(texts, dates)?;
        let jobs = self.jobs(&texts, dates.as_deref());
        let lines = self.run_jobs(py, &jobs, |d| match d {
            Ok(doc) => serde_json::to_string(&Unnamed::from(&doc)),
            Err(e) => serde_json::to_string(&serde_json::json!({ "error": e })),
        })?;
        let mut out = Vec::with_capacity(
            lines
                .iter()
                .map(|l| l.as_ref().map_or(0, |l| l.len() + 1))
                .sum(),
        );
        for line in lines {
            let line = line.map_err(|e| PyValueError::new_err(format!("cannot serialize: {e}")))?;
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        Ok(PyBytes::new(py, &out))
    }

    /// Pickles as its arguments: unpickling builds a new analyzer (the
    /// engine is built once per process, the pool on first batch).
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> (Bound<'py, PyType>, (Option<String>, Option<usize>)) {
        let me = slf.get();
        (slf.get_type(), (me.ref_date(), me.threads))
    }

    /// `Analyzer(ref_date='2024-08-21', threads=None)`.
    fn __repr__(&self) -> String {
        let date = match self.ref_date() {
            Some(d) => format!("'{d}'"),
            None => "None".to_string(),
        };
        let threads = match self.threads {
            Some(n) => n.to_string(),
            None => "None".to_string(),
        };
        format!("Analyzer(ref_date={date}, threads={threads})")
    }
}

/// `normalize(expr, ref_date=None) -> dict`: one quantity (`"2.4 亿美元"`)
/// or, failing that, one time expression (`"去年二季度"`, against
/// `ref_date`) or a change phrase (`"同比增长 14%"`) as its SPEC.md dict, as
/// `zhnews normalize` prints it.
/// Raises `ValueError` with the library's message (the quantity's) when the
/// expression is neither.
#[pyfunction]
#[pyo3(signature = (expr, ref_date=None))]
fn normalize<'py>(
    py: Python<'py>,
    expr: &Bound<'py, PyString>,
    ref_date: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let date = date_arg(ref_date)?;
    let expr = expr.to_cow()?;
    match zhnews::normalize_expression(&expr, date) {
        Ok(x) => to_py(py, &x),
        Err(e) => Err(PyValueError::new_err(e.to_string())),
    }
}

/// The native part of the `zhnews` package.
#[pymodule]
fn _zhnews(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Analyzer>()?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    Ok(())
}
