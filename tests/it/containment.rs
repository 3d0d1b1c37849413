//! Files a page names are published only from `content/` and `static/`: never
//! a file beside `site.yaml` (`.env`), never the repository (`.git/`), never
//! through a link that leaves the sources or hides behind a dot.

use crate::harness::TestSite;

/// A disclosure of the kinds fixture naming `file` as its attachment.
fn disclosure_naming(site: &TestSite, file: &str) {
    site.write(
        "content/disclosures/leak.md",
        format!(
            "---\ntitle: 附件\ndate: 2026-11-20\nnumber: 工会〔2026〕90号\ncategory: 评先评优\nattachments: [{{file: \"{file}\", title: 附件}}]\n---\n正文。\n"
        ),
    );
}

fn assert_refused(site: &TestSite, what: &str) {
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/disclosures/leak.md"),
        "{what}: the page is named: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("[E0441]") || run.stderr.contains("[E0208]"),
        "{what}: says it may not be published: {}",
        run.stderr
    );
    assert!(
        !site.root.join("public").exists(),
        "{what}: nothing is written"
    );
    site.check().assert_code(1);
}

#[test]
fn regression_a_page_cannot_publish_the_repositorys_or_the_roots_secrets() {
    let site = TestSite::fixture("kinds");
    site.write(
        ".git/config",
        "[remote \"origin\"]\n\turl = https://token@example.org/x\n",
    );
    site.write(".env", "SECRET=1\n");
    for file in [
        "/.git/config",
        "/.env",
        "/site.yaml",
        "/content/.hidden.pdf",
    ] {
        site.write("content/.hidden.pdf", "%PDF-1.4\n");
        disclosure_naming(&site, file);
        assert_refused(&site, file);
    }
}

#[cfg(unix)]
#[test]
fn regression_a_hidden_link_to_the_root_does_not_publish_the_build_environment() {
    let site = TestSite::fixture("kinds");
    std::os::unix::fs::symlink("/", site.root.join("content/disclosures/.x")).unwrap();
    disclosure_naming(&site, "/content/disclosures/.x/proc/self/environ");
    assert_refused(&site, "a hidden link to /");
}

#[cfg(unix)]
#[test]
fn regression_a_link_into_the_repository_is_refused() {
    let site = TestSite::fixture("kinds");
    site.write(".git/config", "[core]\n");
    std::os::unix::fs::symlink(
        "../../.git/config",
        site.root.join("content/disclosures/config.pdf"),
    )
    .unwrap();
    disclosure_naming(&site, "config.pdf");
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/disclosures/config.pdf"),
        "the link is named: {}",
        run.stderr
    );
    assert!(!site.root.join("public").exists());
}
