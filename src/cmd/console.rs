//! The console window a double-click opens. Explorer gives a console program
//! a window of its own and closes it the moment the program ends, so a
//! message printed just before the end is never read: when this process is
//! alone in its console, or when the command asks for it, `main` waits for
//! Enter before it exits.

use std::io::{BufRead, Write};

use crate::i18n::Language;
use crate::message::Message;

/// Whether this process has a console window to itself: true when Explorer
/// (or a shortcut) started it, false in a Command Prompt or PowerShell,
/// whose shell shares the console. Windows only; elsewhere a terminal that
/// closes with the program is the user's own choice, so false.
pub fn alone_in_console() -> bool {
    #[cfg(windows)]
    {
        let mut ids = [0u32; 2];
        // SAFETY: the buffer is valid for 2 process ids, and the call writes
        // at most that many (it returns the count it needs when more).
        let count = unsafe {
            windows_sys::Win32::System::Console::GetConsoleProcessList(ids.as_mut_ptr(), 2)
        };
        count == 1
    }
    #[cfg(not(windows))]
    {
        false
    }
}

/// Says "press Enter to close" and waits for a line (or the end of input, so
/// a program reading from a pipe or from nothing never waits).
pub fn wait_for_enter(language: Language) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", Message::PressEnterToClose {}.render(language));
    let _ = err.flush();
    drop(err);
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
}
