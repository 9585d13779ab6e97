//! Python objects straight from serde values: the dicts of the API.
//!
//! [`to_object`] walks a value's `Serialize` impl (the one that writes the
//! JSON of `zhnews extract`) and builds what Python's `json.loads` would
//! build from that JSON, without the JSON text: objects become dicts with
//! their keys in the same order, arrays lists, strings `str` (so exact
//! values stay decimal strings), integers `int`, `null` and absent options
//! `None`; a field the JSON leaves out is left out here too. Non-finite
//! floats become `None`, as serde_json writes them `null`. Field names are
//! interned once per [`Keys`] and shared by every dict made with it.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
use serde::ser::{self, Serialize};

/// The interned Python strings of the field names seen so far, by the
/// address and length of the `&'static str` that serde passes.
pub(crate) struct Keys<'py> {
    py: Python<'py>,
    map: HashMap<(usize, usize), Bound<'py, PyString>, BuildHasherDefault<AddressHasher>>,
}

/// The hash of an address and a length: a multiply and a rotate per word
/// (the keys are few and trusted, so no protection against collisions is
/// needed, and SipHash would cost more than the rest of the look-up).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl<'py> Keys<'py> {
    /// An empty cache.
    pub(crate) fn new(py: Python<'py>) -> Keys<'py> {
        Keys {
            py,
            map: HashMap::default(),
        }
    }

    /// The Python token the strings are made with.
    pub(crate) fn py(&self) -> Python<'py> {
        self.py
    }

    /// The interned string of a field or variant name.
    fn get(&mut self, name: &'static str) -> Bound<'py, PyString> {
        let py = self.py;
        self.map
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::intern(py, name))
            .clone()
    }
}

/// The Python objects of a value, as `json.loads` of its serde_json text
/// gives them. A value that serde_json cannot write (a map whose key is
/// not a string, a number or a bool) is a `ValueError`.
pub(crate) fn to_object<'py, T: Serialize + ?Sized>(
    keys: &mut Keys<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(Ser { keys }).map_err(|e| e.0)
}

/// A Python exception raised while building objects (or serde's own
/// error, as a `ValueError`).
pub(crate) struct Error(PyErr);

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<M: fmt::Display>(msg: M) -> Error {
        Error(PyValueError::new_err(format!("cannot serialize: {msg}")))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Error {
        Error(e)
    }
}

/// The serializer: one per value, borrowing the key cache.
struct Ser<'a, 'py> {
    keys: &'a mut Keys<'py>,
}

impl<'py> Ser<'_, 'py> {
    /// An `int`.
    fn int<I>(self, v: I) -> Result<Bound<'py, PyAny>, Error>
    where
        I: IntoPyObject<'py, Target = PyInt, Output = Bound<'py, PyInt>>,
    {
        v.into_pyobject(self.keys.py)
            .map(Bound::into_any)
            .map_err(|e| Error(e.into()))
    }

    /// `{name: value}`: an enum variant with data, as serde_json writes it.
    fn variant(
        self,
        name: &'static str,
        value: Bound<'py, PyAny>,
    ) -> Result<Bound<'py, PyAny>, Error> {
        let d = PyDict::new(self.keys.py);
        d.set_item(self.keys.get(name), value)?;
        Ok(d.into_any())
    }
}

/// The items of an array being built (and, for an enum variant, its name).
struct Seq<'a, 'py> {
    keys: &'a mut Keys<'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Seq<'_, 'py> {
    /// Adds an item.
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(Ser {
            keys: &mut *self.keys,
        })?;
        self.items.push(v);
        Ok(())
    }

    /// The list, or `{variant: list}`.
    fn finish(self) -> Result<Bound<'py, PyAny>, Error> {
        let py = self.keys.py;
        let list = PyList::new(py, self.items)?.into_any();
        match self.variant {
            None => Ok(list),
            Some(name) => Ser { keys: self.keys }.variant(name, list),
        }
    }
}

/// A dict being built (and, for an enum variant, its name), with the key
/// of a map entry whose value has not come yet.
struct Map<'a, 'py> {
    keys: &'a mut Keys<'py>,
    dict: Bound<'py, PyDict>,
    variant: Option<&'static str>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> Map<'_, 'py> {
    /// Sets `key` to the value.
    fn set<T: Serialize + ?Sized>(
        &mut self,
        key: Bound<'py, PyAny>,
        value: &T,
    ) -> Result<(), Error> {
        let v = value.serialize(Ser {
            keys: &mut *self.keys,
        })?;
        self.dict.set_item(key, v)?;
        Ok(())
    }

    /// The dict, or `{variant: dict}`.
    fn finish(self) -> Result<Bound<'py, PyAny>, Error> {
        let dict = self.dict.into_any();
        match self.variant {
            None => Ok(dict),
            Some(name) => Ser { keys: self.keys }.variant(name, dict),
        }
    }
}

/// A map key as serde_json writes it: a string as itself, a number or a
/// bool as its text; anything else cannot be a JSON key.
fn key_text<'py>(key: Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>, Error> {
    if key.is_instance_of::<PyString>() {
        Ok(key)
    } else if let Ok(b) = key.cast::<PyBool>() {
        let text = if b.is_true() { "true" } else { "false" };
        Ok(PyString::new(key.py(), text).into_any())
    } else if key.is_instance_of::<PyInt>() || key.is_instance_of::<PyFloat>() {
        Ok(key.str()?.into_any())
    } else {
        Err(ser::Error::custom("a map key must be a string"))
    }
}

impl<'a, 'py> ser::Serializer for Ser<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, Error> {
        Ok(PyBool::new(self.keys.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok, Error> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, Error> {
        // serde_json writes an f32 in its own shortest digits, which
        // json.loads reads as the nearest f64 of those digits
        match v.to_string().parse::<f64>() {
            Ok(f) if v.is_finite() => self.serialize_f64(f),
            _ => self.serialize_none(),
        }
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, Error> {
        if v.is_finite() {
            Ok(PyFloat::new(self.keys.py, v).into_any())
        } else {
            self.serialize_none()
        }
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, Error> {
        Ok(PyString::new(self.keys.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, Error> {
        // serde_json writes bytes as an array of numbers
        Ok(PyList::new(self.keys.py, v)?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok, Error> {
        Ok(self.keys.py.None().into_bound(self.keys.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Error> {
        Ok(self.keys.get(variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        let v = value.serialize(Ser {
            keys: &mut *self.keys,
        })?;
        self.variant(variant, v)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            keys: self.keys,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        let mut seq = self.serialize_seq(Some(len))?;
        seq.variant = Some(variant);
        Ok(seq)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>, Error> {
        let dict = PyDict::new(self.keys.py);
        Ok(Map {
            keys: self.keys,
            dict,
            variant: None,
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map<'a, 'py>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Map<'a, 'py>, Error> {
        let mut map = self.serialize_map(Some(len))?;
        map.variant = Some(variant);
        Ok(map)
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let k = key.serialize(Ser {
            keys: &mut *self.keys,
        })?;
        self.key = Some(key_text(k)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        match self.key.take() {
            Some(k) => self.set(k, value),
            None => Err(ser::Error::custom("a map value came before its key")),
        }
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let k = self.keys.get(key).into_any();
        self.set(k, value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl<'py> ser::SerializeStructVariant for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let k = self.keys.get(key).into_any();
        self.set(k, value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}
