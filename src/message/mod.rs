//! Messages: every sentence noticeboard shows a person, as a value.
//!
//! A [`Message`] is a variant with its arguments (`MissingField { field }`), never
//! text. [`catalogue`] declares each variant together with its stable code and its
//! zh-CN and English wording, in one macro, so a message cannot exist without both
//! translations. Text is made only when printing, by [`Message::render`], in the
//! site's language. Where a lower-level library (the YAML parser, the file system,
//! the template engine) explains itself in English, its words ride along as a
//! `detail` argument and the sentence around them is translated.
//!
//! This is a leaf: it knows languages and nothing of the pipeline.

mod catalogue;

use std::fmt;

use crate::i18n::Language;

pub use catalogue::Message;

/// How an argument shows inside a sentence. Most show themselves; lists and
/// nested messages depend on the language.
pub trait Argument {
    fn shown(&self, language: Language) -> impl fmt::Display + '_;
    /// A value for the catalogue test, recognisable in the rendered text.
    #[cfg(test)]
    fn sample(name: &str) -> Self;
    /// The text the sample leaves in a rendered sentence.
    #[cfg(test)]
    fn sample_text(&self, language: Language) -> String {
        self.shown(language).to_string()
    }
}

impl Argument for String {
    fn shown(&self, _: Language) -> impl fmt::Display + '_ {
        self.as_str()
    }
    #[cfg(test)]
    fn sample(name: &str) -> Self {
        format!("<{name}>")
    }
}

impl Argument for usize {
    fn shown(&self, _: Language) -> impl fmt::Display + '_ {
        *self
    }
    #[cfg(test)]
    fn sample(name: &str) -> Self {
        // Distinct per argument name, so the test sees which one was left out.
        9_000 + name.bytes().map(usize::from).sum::<usize>()
    }
}

impl Argument for u64 {
    fn shown(&self, _: Language) -> impl fmt::Display + '_ {
        *self
    }
    #[cfg(test)]
    fn sample(name: &str) -> Self {
        usize::sample(name) as u64
    }
}

/// A list of names (files, keys): `a、b` in Chinese, `a, b` in English.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct List(pub Vec<String>);

impl List {
    pub fn of<S: ToString>(items: impl IntoIterator<Item = S>) -> Self {
        List(items.into_iter().map(|s| s.to_string()).collect())
    }
}

impl Argument for List {
    fn shown(&self, language: Language) -> impl fmt::Display + '_ {
        let separator = match language {
            Language::ZhCn => "、",
            Language::En => ", ",
        };
        self.0.join(separator)
    }
    #[cfg(test)]
    fn sample(name: &str) -> Self {
        List(vec![format!("<{name}1>"), format!("<{name}2>")])
    }
}

/// Several findings in one sentence: `a；b` in Chinese, `a; b` in English.
impl Argument for Vec<Message> {
    fn shown(&self, language: Language) -> impl fmt::Display + '_ {
        let separator = match language {
            Language::ZhCn => "；",
            Language::En => "; ",
        };
        self.iter()
            .map(|m| m.render(language))
            .collect::<Vec<_>>()
            .join(separator)
    }
    #[cfg(test)]
    fn sample(_: &str) -> Self {
        vec![Message::FileEmpty {}, Message::FileEmpty {}]
    }
}

/// A message inside another (`field `x`: <what was wrong with it>`).
impl Argument for Box<Message> {
    fn shown(&self, language: Language) -> impl fmt::Display + '_ {
        self.render(language)
    }
    #[cfg(test)]
    fn sample(_: &str) -> Self {
        Box::new(Message::FileEmpty {})
    }
}

/// Declares [`Message`], its codes and its two wordings in one list. Each entry
/// reads `CODE Variant { arg: Type, .. } => "zh-CN text" / "English text";`, the
/// texts being `format!` strings that name the arguments.
macro_rules! declare_catalogue {
    ($( $code:ident $name:ident { $($arg:ident : $ty:ty),* $(,)? } => $zh:literal / $en:literal ; )*) => {
        /// Every sentence noticeboard can show; see the module docs.
        /// Serialized only into the build cache, which replays a report.
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub enum Message {
            $( $name { $($arg: $ty),* }, )*
        }

        impl Message {
            /// The stable code, e.g. `E0101`: the same in every language, so a
            /// message can be looked up whatever it says.
            pub fn code(&self) -> &'static str {
                match self {
                    $( Message::$name { .. } => stringify!($code), )*
                }
            }

            /// This message in `language`, with its arguments filled in.
            pub fn render(&self, language: Language) -> String {
                #[allow(unused_imports)]
                use $crate::message::Argument as _;
                match self {
                    $( Message::$name { $($arg),* } => {
                        $( let $arg = $arg.shown(language); )*
                        match language {
                            Language::ZhCn => format!($zh),
                            Language::En => format!($en),
                        }
                    } )*
                }
            }

            /// One message of every variant, with sample arguments, and for each
            /// the texts its arguments leave in the zh-CN and English wordings.
            #[cfg(test)]
            pub(crate) fn samples() -> Vec<(Message, Vec<(String, String)>)> {
                #[allow(unused_imports)]
                use $crate::message::Argument;
                vec![ $( {
                    $( let $arg: $ty = Argument::sample(stringify!($arg)); )*
                    let texts = vec![ $( (
                        $arg.sample_text(Language::ZhCn),
                        $arg.sample_text(Language::En),
                    ), )* ];
                    (Message::$name { $($arg),* }, texts)
                }, )* ]
            }
        }
    };
}

pub(crate) use declare_catalogue;

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn has_han(text: &str) -> bool {
        text.chars()
            .any(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'))
    }

    #[test]
    fn every_message_has_a_unique_code_and_both_languages() {
        let samples = Message::samples();
        assert!(samples.len() > 100, "{}", samples.len());
        let mut codes = BTreeSet::new();
        for (message, arguments) in &samples {
            let code = message.code();
            assert!(codes.insert(code), "code {code} is used twice");
            let mut chars = code.chars();
            assert!(
                matches!(chars.next(), Some('E' | 'W' | 'H' | 'T'))
                    && code.len() == 5
                    && chars.all(|c| c.is_ascii_digit()),
                "code {code} is not a letter and four digits"
            );
            let zh = message.render(Language::ZhCn);
            let en = message.render(Language::En);
            assert!(
                !zh.trim().is_empty() && !en.trim().is_empty(),
                "{code} is empty"
            );
            assert!(has_han(&zh), "{code}: zh-CN text has no Chinese: {zh}");
            assert!(!has_han(&en), "{code}: English text has Chinese: {en}");
            for (zh_arg, en_arg) in arguments {
                assert!(
                    zh.contains(zh_arg.as_str()),
                    "{code}: zh-CN text leaves out {zh_arg}: {zh}"
                );
                assert!(
                    en.contains(en_arg.as_str()),
                    "{code}: English text leaves out {en_arg}: {en}"
                );
            }
        }
    }

    #[test]
    fn lists_join_in_each_language() {
        let list = List::of(["a.md", "b.md"]);
        assert_eq!(list.shown(Language::ZhCn).to_string(), "a.md、b.md");
        assert_eq!(list.shown(Language::En).to_string(), "a.md, b.md");
    }
}
