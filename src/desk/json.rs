//! JSON answers and errors: `{"error": {"code", "message", "field"?, "line"?}}`,
//! the message in the site's language.

use serde::Serialize;

use crate::i18n::Language;
use crate::message::Message;
use crate::serve::mount::Reply;
use crate::serve::request::BodyError;

/// The most a JSON request may carry (a long page with its front matter).
pub const MAX_JSON: u64 = 4 * 1024 * 1024;

pub fn ok(value: &impl Serialize) -> Reply {
    reply(200, value)
}

pub fn reply(status: u16, value: &impl Serialize) -> Reply {
    let body = serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec());
    Reply::new(status, "application/json; charset=utf-8", body)
}

/// The error object for `message`.
pub fn error_value(message: &Message, language: Language) -> serde_json::Value {
    serde_json::json!({
        "code": message.code(),
        "message": message.render(language),
    })
}

pub fn error(status: u16, message: Message, language: Language) -> Reply {
    reply(
        status,
        &serde_json::json!({ "error": error_value(&message, language) }),
    )
}

/// An error that concerns one field of the form.
pub fn field_error(status: u16, message: Message, field: &str, language: Language) -> Reply {
    let mut value = error_value(&message, language);
    value["field"] = field.into();
    reply(status, &serde_json::json!({ "error": value }))
}

pub fn body_error(e: &BodyError, limit: u64, language: Language) -> Reply {
    match e {
        BodyError::TooLarge => error(
            413,
            Message::DeskBodyTooLarge {
                limit: crate::file_label::human_size(limit),
            },
            language,
        ),
        BodyError::NoLength => error(
            411,
            Message::DeskBadRequest {
                detail: "Content-Length".to_string(),
            },
            language,
        ),
        BodyError::Cut => error(
            400,
            Message::DeskBadRequest {
                detail: "body cut off".to_string(),
            },
            language,
        ),
    }
}

/// Reads a JSON request body into `T`, or the 400 that says why not.
pub fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8], language: Language) -> Result<T, Reply> {
    serde_json::from_slice(bytes).map_err(|e| {
        error(
            400,
            Message::DeskBadRequest {
                detail: e.to_string(),
            },
            language,
        )
    })
}
