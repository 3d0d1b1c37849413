//! Front matter read in one pass: [`FrontMatter`] and the [`KeyScan`] of the
//! same YAML together, where [`super::scan_keys`] then
//! [`super::parse_front_matter`] read it twice (a fifth of a big site's parse).
//!
//! The derived `Deserialize` of [`FrontMatter`] is given the YAML through a
//! wrapper that notes each key it asks for and reads the values of the site's
//! extra taxonomies, which the struct has no field for, before handing it
//! nothing in their place. Only for a YAML that reads without a problem: the
//! caller reads a failing one again the two-pass way, whose messages say
//! which field and line are wrong.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, forward_to_deserialize_any};

use super::{FIELDS, FrontMatter, KeyScan, StringList};
use crate::yaml;

/// The front matter and its keys, or `None` when the YAML has a problem (or
/// names a taxonomy after a field, which one pass cannot read both ways).
pub fn read_once(yaml_text: &str, taxonomies: &[String]) -> Option<(KeyScan, FrontMatter)> {
    if yaml_text.trim().is_empty() {
        return Some((KeyScan::default(), FrontMatter::default()));
    }
    if taxonomies
        .iter()
        .any(|t| t != "tags" && FIELDS.contains(&t.as_str()))
    {
        return None;
    }
    let mut scan = KeyScan::default();
    let seed = Noting {
        scan: &mut scan,
        taxonomies,
    };
    let front = yaml::from_str_seed(yaml_text, seed).ok()?;
    Some((scan, front.unwrap_or_default()))
}

/// What is noted while the YAML is read.
struct Noting<'s> {
    scan: &'s mut KeyScan,
    taxonomies: &'s [String],
}

impl Noting<'_> {
    /// A key whose value is a taxonomy's terms, read here, not by the struct.
    fn is_extra_taxonomy(&self, key: &str) -> bool {
        key != "tags" && self.taxonomies.iter().any(|t| t == key)
    }
}

impl<'de> DeserializeSeed<'de> for Noting<'_> {
    type Value = Option<FrontMatter>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        Option::<FrontMatter>::deserialize(Wrapped {
            inner: deserializer,
            noting: self,
        })
    }
}

/// A deserializer that wraps the visitors it is given.
struct Wrapped<'s, D> {
    inner: D,
    noting: Noting<'s>,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Wrapped<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let visitor = Watching {
            inner: visitor,
            noting: self.noting,
        };
        self.inner.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let visitor = Watching {
            inner: visitor,
            noting: self.noting,
        };
        self.inner.deserialize_option(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = Watching {
            inner: visitor,
            noting: self.noting,
        };
        self.inner.deserialize_struct(name, fields, visitor)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// A visitor that hands the map it is given on wrapped, and all else as is.
struct Watching<'s, V> {
    inner: V,
    noting: Noting<'s>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Watching<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Wrapped {
            inner: deserializer,
            noting: self.noting,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(Keys {
            inner: map,
            noting: self.noting,
            extra: None,
        })
    }
}

/// The top-level mapping, its keys noted as the struct asks for them.
struct Keys<'s, A> {
    inner: A,
    noting: Noting<'s>,
    /// The key just read, when it names an extra taxonomy.
    extra: Option<String>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Keys<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(key) = self.inner.next_key::<String>()? else {
            return Ok(None);
        };
        self.extra = self.noting.is_extra_taxonomy(&key).then(|| key.clone());
        let value = seed.deserialize(key.as_str().into_deserializer())?;
        self.noting.scan.keys.push(key);
        Ok(Some(value))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let Some(key) = self.extra.take() else {
            return self.inner.next_value_seed(seed);
        };
        let terms: Option<StringList> = self.inner.next_value()?;
        let terms = terms.map(|t| t.0).unwrap_or_default();
        self.noting.scan.taxonomies.insert(key, terms);
        // The struct has no field by that name: it skips what it is given.
        seed.deserialize(().into_deserializer())
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::{parse_front_matter, scan_keys};

    fn both_ways(yaml: &str, taxonomies: &[String]) -> String {
        let once =
            read_once(yaml, taxonomies).unwrap_or_else(|| panic!("reads in one pass: {yaml}"));
        let scan = scan_keys(yaml, taxonomies).unwrap();
        let front = parse_front_matter(yaml).unwrap();
        assert_eq!(once.0.keys, scan.keys, "{yaml}");
        assert_eq!(once.0.taxonomies, scan.taxonomies, "{yaml}");
        assert_eq!(format!("{:?}", once.1), format!("{front:?}"), "{yaml}");
        format!("{:?}", once.1)
    }

    #[test]
    fn one_pass_reads_what_two_passes_read() {
        let taxonomies = [
            "tags".to_string(),
            "categories".to_string(),
            "车间".to_string(),
        ];
        for yaml in [
            "title: 通知\ndate: 2026-05-01\ntags: [安全生产, 安康杯]\ncategories: 女职工工作\n",
            "title: 劳模\n车间: [一车间]\nhonors:\n  - {title: 全国劳动模范, level: national, year: 2020}\nunknown: {a: [1, 2]}\n",
            "categories:\ntitle: 空的分类\n",
            "draft: true\nweight: 3\ngallery: true\n",
            "",
            "# 只有注释\n",
        ] {
            both_ways(yaml, &taxonomies);
        }
    }

    #[test]
    fn a_problem_or_a_taxonomy_named_like_a_field_is_left_to_two_passes() {
        let tags = ["tags".to_string()];
        assert!(read_once("title: [1, 2]\n", &tags).is_none());
        assert!(read_once("title: a\ntitle: b\n", &tags).is_none());
        assert!(read_once("title: : :\n  - x", &tags).is_none());
        let category = ["category".to_string()];
        assert!(read_once("category: 财务\n", &category).is_none());
    }
}
