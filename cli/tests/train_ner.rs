//! `zhnews train-ner` trains a tiny model (a few hundred sentences of each
//! shared corpus format, and a file in the user format) and `extract
//! --ner-model` uses it; a damaged model file is refused with a message.

use std::path::PathBuf;
use std::process::Command;

/// The shared data folder, or `None` (a loud skip; a failure under CI).
fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("ZHNEWS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    if dir.join("data/ner-train").is_dir() {
        return Some(dir);
    }
    let note = "SKIPPED: shared data data/ner-train not found (set ZHNEWS_SHARED)";
    assert!(std::env::var_os("CI").is_none(), "{note}, and CI is set");
    eprintln!("{note}");
    None
}

fn zhnews(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhnews"))
        .args(args)
        .output()
        .expect("run zhnews");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn trains_a_tiny_model_and_extract_uses_it() {
    let Some(shared) = shared() else {
        return;
    };
    let t = shared.join("data/ner-train");
    let dir = std::env::temp_dir().join(format!("zhnews-train-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let user = dir.join("mine.jsonl");
    std::fs::write(
        &user,
        "{\"text\": \"深度求索发布新模型\", \"entities\": [{\"kind\": \"org\", \"start\": 0, \"end\": 12}]}\n",
    )
    .expect("write");
    let model = dir.join("tiny.model");
    let arg = |f: &str, p: PathBuf| format!("{f}:{}", p.display());
    let corpora = [
        arg("bio", t.join("msra/msra_train_bio.txt.gz")),
        arg("cluener", t.join("cluener2020/train.json")),
        arg("bmes", t.join("resume/train.char.bmes")),
        arg("pd98", t.join("pd98/199801.utf8.txt.gz")),
        arg("jsonl", user),
    ];
    let mut args = vec![
        "train-ner",
        "--limit",
        "150",
        "--epochs",
        "2",
        "--bits",
        "16",
    ];
    args.extend(["--holdout", "10", "-o", model.to_str().expect("path")]);
    for c in &corpora {
        args.extend(["--train", c.as_str()]);
    }
    let (code, _, err) = zhnews(&args);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("train bio:") && err.contains("150 sentences"),
        "{err}"
    );
    assert!(
        err.contains("epoch 2 ") && err.contains("Person P "),
        "{err}"
    );
    let input = dir.join("in.jsonl");
    std::fs::write(&input, "{\"id\": 1, \"text\": \"王兴在北京表示\"}\n").expect("write");
    let (code, out, err) = zhnews(&[
        "extract",
        "-q",
        "--ner-model",
        model.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("\"entities\""), "{out}");
    std::fs::write(&model, b"ZHNERv1\n\x01\x00").expect("write");
    let (code, _, err) = zhnews(&[
        "extract",
        "--ner-model",
        model.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(err.trim(), "zhnews: entity model: the file ends early");
    std::fs::remove_dir_all(&dir).ok();
}
