//! A benchmark site: N articles made up from the sentences of the project's
//! own articles, one word in four of each swapped for another word of the
//! language, so that no two articles share whole passages (real articles do
//! not, and `check` warns about two that do), written twice, once as a caspian site and once as a Hugo
//! site with the same pages, so that the two can be timed side by side.
//! Deterministic: the same article count, seed number and project files give
//! the same bytes.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use caspian::frontmatter::quoted;

/// The Hugo site's fixed files (configuration and layouts), beside this file.
const HUGO_DIR: &str = "examples/bench_site/hugo";

/// splitmix64: small, fast and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `k` different indexes into `0..n`, in the order drawn.
    pub fn distinct(&mut self, k: usize, n: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(k);
        while out.len() < k.min(n) {
            let i = self.below(n);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

/// A topic, person or place: its slug, the name pages show, and a line about it.
#[derive(Debug, Clone)]
pub struct Named {
    pub slug: String,
    pub name: String,
    pub description: String,
}

/// What the articles are made from, read from the project.
pub struct Sources {
    pub site_toml: String,
    pub entities_toml: String,
    /// Sentences by language code, in the order read.
    pub sentences: BTreeMap<String, Vec<String>>,
    pub topics: Vec<Named>,
    pub people: Vec<Named>,
    pub places: Vec<Named>,
    /// The project's `static/` files (style sheet, favicon), for Hugo's site.
    pub assets: Vec<(String, Vec<u8>)>,
    /// The Hugo site's configuration and layouts, relative path → text.
    pub hugo_files: Vec<(String, String)>,
}

impl Sources {
    /// Reads the configuration, the committed articles (`content/*.md`) and
    /// the raw test articles (`tests/fixtures/ingest/*.txt`, for Russian,
    /// Kazakh and Turkish) of the project at `project`.
    pub fn load(project: &Path) -> io::Result<Self> {
        let site_toml = read(&project.join("site.toml"))?;
        let entities_toml = read(&project.join("entities.toml"))?;
        let mut sentences: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for path in files(&project.join("content"), "md")? {
            let text = read(&path)?;
            let Some((front, body)) = split_front_matter(&text) else {
                continue;
            };
            let Some(lang) = front
                .lines()
                .find_map(|l| l.strip_prefix("lang:"))
                .map(|l| l.trim().trim_matches('"').to_string())
            else {
                continue;
            };
            add_sentences(sentences.entry(lang).or_default(), body, 0);
        }
        let raw = project.join("tests/fixtures/ingest");
        let furniture = furniture(&raw.join("expected.toml"))?;
        for path in files(&raw, "txt")? {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let Some((lang, _)) = name.split_once('_') else {
                continue;
            };
            // Raw pages: only long lines are article text (menus, captions
            // and bylines are short), unless the fixture lists them as
            // furniture that ingest removes.
            let gone = furniture.get(name.as_ref()).map_or(&[][..], Vec::as_slice);
            let text: String = read(&path)?
                .lines()
                .filter(|l| !gone.iter().any(|g| l.contains(g.as_str())))
                .map(|l| format!("{l}\n"))
                .collect();
            add_sentences(sentences.entry(lang.to_string()).or_default(), &text, 100);
        }
        sentences.retain(|_, s| s.len() >= 10);
        if sentences.is_empty() {
            return Err(io::Error::other(format!(
                "{}: no sentences found in content/*.md; the generator draws its text from them",
                project.display()
            )));
        }
        let site: toml::Table = toml::from_str(&site_toml).map_err(|e| {
            io::Error::other(format!("{}: {e}", project.join("site.toml").display()))
        })?;
        let entities: toml::Table = toml::from_str(&entities_toml).map_err(|e| {
            io::Error::other(format!("{}: {e}", project.join("entities.toml").display()))
        })?;
        let mut assets = Vec::new();
        for path in files(&project.join("static"), "")? {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            assets.push((name.into_owned(), std::fs::read(&path)?));
        }
        let hugo_root = project.join(HUGO_DIR);
        let mut hugo_files = Vec::new();
        for path in walk(&hugo_root)? {
            let rel = path
                .strip_prefix(&hugo_root)
                .expect("under the Hugo folder")
                .to_string_lossy()
                .into_owned();
            hugo_files.push((rel, read(&path)?));
        }
        Ok(Sources {
            topics: named(&site, "topics"),
            people: named(&entities, "people"),
            places: named(&entities, "places"),
            site_toml,
            entities_toml,
            sentences,
            assets,
            hugo_files,
        })
    }
}

fn read(path: &Path) -> io::Result<String> {
    std::fs::read_to_string(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

/// The files in `dir` whose names end in `.ext` (any file when `ext` is
/// empty), sorted by name.
fn files(dir: &Path, ext: &str) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_file() && (ext.is_empty() || path.extension().is_some_and(|e| e == ext)) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Every file under `dir`, sorted.
fn walk(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", d.display())))?;
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The furniture each raw test article holds (`gone` in the fixtures'
/// expectations), by file name.
fn furniture(path: &Path) -> io::Result<BTreeMap<String, Vec<String>>> {
    let mut out = BTreeMap::new();
    if !path.exists() {
        return Ok(out);
    }
    let table: toml::Table = toml::from_str(&read(path)?)
        .map_err(|e| io::Error::other(format!("{}: {e}", path.display())))?;
    let strings = |v: Option<&toml::Value>| -> Vec<String> {
        v.and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    for article in table
        .get("article")
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
    {
        if let Some(file) = article.get("file").and_then(|f| f.as_str()) {
            out.insert(file.to_string(), strings(article.get("gone")));
        }
    }
    Ok(out)
}

fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    Some((&rest[..end], &rest[end + 5..]))
}

/// The `[[key]]` tables of `table` as named things.
fn named(table: &toml::Table, key: &str) -> Vec<Named> {
    let text = |t: &toml::Table, k: &str| {
        t.get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    table
        .get(key)
        .and_then(|v| v.as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_table())
                .map(|t| Named {
                    slug: text(t, "slug"),
                    name: text(t, "name"),
                    description: text(t, "description"),
                })
                .filter(|n| !n.slug.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Adds the sentences of `text`'s paragraphs (blank-line or line separated)
/// that are at least `min_line` characters long. Sentences with Markdown or
/// template syntax in them are left out, so that a sentence means the same to
/// both generators.
fn add_sentences(into: &mut Vec<String>, text: &str, min_line: usize) {
    for line in text.lines() {
        let line = line.trim();
        if line.chars().count() < min_line.max(1) {
            continue;
        }
        // Numbered paragraphs of a statement: keep the text, not the number.
        let line = match line.split_once(". ") {
            Some((n, rest)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => rest,
            _ => line,
        };
        for sentence in sentences(line) {
            let len = sentence.chars().count();
            let clean = !sentence
                .contains(['[', ']', '<', '>', '*', '_', '`', '{', '}', '|', '\\', '#'])
                && !sentence.starts_with(['-', '+', '=', '>', '–', '—'])
                && sentence.chars().next().is_some_and(char::is_uppercase);
            if (30..=400).contains(&len) && clean {
                into.push(sentence.to_string());
            }
        }
    }
}

/// Cuts a paragraph after `.`, `!` or `?` where a capital letter follows.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in 0..chars.len() {
        let (i, c) = chars[w];
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = chars.get(w + 1).map(|&(_, c)| c);
        let after = chars.get(w + 2).map(|&(_, c)| c);
        if next == Some(' ') && after.is_some_and(char::is_uppercase) {
            out.push(text[start..=i].trim());
            start = i + 2;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// A date as exact as the article knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// `2014-03-07`, `2014-03` or `2014`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// A full date, the first day of what is known (Hugo needs one).
    pub fn full(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1)
        )
    }

    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }
}

#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub url: String,
}

/// One generated article. The body is Markdown in caspian's form: links to
/// other articles as `[text](slug.md)`.
#[derive(Debug, Clone)]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub date: Date,
    pub lang: String,
    pub topics: Vec<String>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub summary: Option<String>,
    pub source: Option<Source>,
    pub body: String,
    /// Slugs of the articles the body links to.
    pub links: Vec<String>,
}

const FIRST_YEAR: usize = 2006;
const LAST_YEAR: usize = 2025;

/// Publishers by language, for the `source` of most articles.
fn publishers(lang: &str) -> &'static [(&'static str, &'static str)] {
    match lang {
        "az" => &[
            ("APA", "apa.az"),
            ("Report", "report.az"),
            ("Azertac", "azertac.az"),
        ],
        "de" => &[
            ("Novastan", "novastan.org"),
            ("Kasachstan.news", "kasachstan.news"),
        ],
        "ru" => &[("Kazinform", "inform.kz"), ("Trend", "trend.az")],
        "kk" => &[("Egemen Qazaqstan", "egemen.kz"), ("Aqorda", "akorda.kz")],
        "tr" => &[
            ("Anadolu Ajansı", "aa.com.tr"),
            ("TRT Haber", "trthaber.com"),
        ],
        _ => &[
            ("The Astana Times", "astanatimes.com"),
            ("TuraNews", "turanews.kz"),
            ("Trend", "en.trend.az"),
        ],
    }
}

/// `n` articles for seed number `seed`.
pub fn generate(sources: &Sources, n: usize, seed: u64) -> Vec<Article> {
    let mut rng = Rng::new(seed);
    let langs: Vec<&String> = sources.sentences.keys().collect();
    let mut titles: HashSet<String> = HashSet::new();
    let mut slugs: HashSet<String> = HashSet::new();
    let mut articles = Vec::with_capacity(n);

    // First the facts of every article, so that bodies can link to any of them.
    for _ in 0..n {
        let lang = rng.pick(&langs).as_str();
        let pool = &sources.sentences[lang];
        let year = rng.between(FIRST_YEAR, LAST_YEAR) as u16;
        let exactness = rng.below(100);
        let date = Date {
            year,
            month: (exactness >= 1).then(|| rng.between(1, 12) as u8),
            day: (exactness >= 4).then(|| rng.between(1, 28) as u8),
        };
        let base = title_from(rng.pick(pool).as_str(), rng.between(5, 10));
        let mut title = base.clone();
        let mut k = 2;
        while !titles.insert(title.clone()) {
            title = format!("{base} ({k})");
            k += 1;
        }
        let stem = caspian::text::slugify(&base, lang, 50);
        let stem = if stem.is_empty() {
            "article".to_string()
        } else {
            stem
        };
        let mut slug = stem.clone();
        let mut k = 2;
        while !slugs.insert(slug.clone()) {
            slug = format!("{stem}-{k}");
            k += 1;
        }
        let pick_named = |rng: &mut Rng, all: &[Named], lo: usize, hi: usize| -> Vec<String> {
            let k = rng.between(lo, hi);
            rng.distinct(k, all.len())
                .into_iter()
                .map(|i| all[i].slug.clone())
                .collect()
        };
        let topics = pick_named(&mut rng, &sources.topics, 1, 3);
        let people = pick_named(&mut rng, &sources.people, 0, 3);
        let places = pick_named(&mut rng, &sources.places, 1, 3);
        let source = rng.chance(80).then(|| {
            let (name, host) = *rng.pick(publishers(lang));
            Source {
                name: name.to_string(),
                url: format!("https://{host}/{}/{slug}", date.year),
            }
        });
        articles.push(Article {
            slug,
            title,
            date,
            lang: lang.to_string(),
            topics,
            people,
            places,
            summary: None,
            source,
            body: String::new(),
            links: Vec::new(),
        });
    }

    let slugs: Vec<String> = articles.iter().map(|a| a.slug.clone()).collect();
    let words = vocabulary(sources);
    for (i, article) in articles.iter_mut().enumerate() {
        let pool = &sources.sentences[&article.lang];
        let words = &words[&article.lang];
        let links: Vec<String> = if n > 1 && rng.chance(35) {
            (0..rng.between(1, 3))
                .map(|_| {
                    let j = (i + 1 + rng.below(n - 1)) % n;
                    slugs[j].clone()
                })
                .collect()
        } else {
            Vec::new()
        };
        let (body, first) = body(&mut rng, pool, words, article, &links);
        if rng.chance(70) {
            article.summary = Some(first);
        }
        article.body = body;
        article.links = links;
    }
    articles
}

/// The first `words` words of `sentence`, without a trailing comma or stop,
/// nor short words such as "of", "and", "the" at the end.
fn title_from(sentence: &str, words: usize) -> String {
    let mut cut: Vec<&str> = sentence.split_whitespace().take(words).collect();
    while cut.len() > 3 && cut.last().is_some_and(|w| w.chars().count() <= 3) {
        cut.pop();
    }
    cut.join(" ")
        .trim_end_matches(|c: char| {
            c.is_ascii_punctuation() || matches!(c, '–' | '—' | '«' | '»' | '“' | '”' | '„')
        })
        .to_string()
}

/// Per language, the words of its sentences made of letters only, each once.
fn vocabulary(sources: &Sources) -> BTreeMap<String, Vec<String>> {
    sources
        .sentences
        .iter()
        .map(|(lang, sentences)| {
            let words: std::collections::BTreeSet<&str> = sentences
                .iter()
                .flat_map(|s| s.split_whitespace())
                .filter(|w| w.chars().all(char::is_alphabetic))
                .collect();
            (lang.clone(), words.into_iter().map(String::from).collect())
        })
        .collect()
}

/// A sentence of the pool with one word in four (from a place chosen at
/// random, never the first) swapped for another word of the language.
fn vary(rng: &mut Rng, sentence: &str, words: &[String]) -> String {
    let offset = rng.between(1, 4);
    sentence
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            if i % 4 == offset % 4 && i > 0 && w.chars().all(char::is_alphabetic) {
                rng.pick(words).as_str()
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An article's body, and its first sentence (for a summary).
fn body(
    rng: &mut Rng,
    pool: &[String],
    words: &[String],
    article: &Article,
    links: &[String],
) -> (String, String) {
    let paragraphs = rng.between(4, 12);
    let mut paras: Vec<String> = (0..paragraphs)
        .map(|_| {
            (0..rng.between(1, 4))
                .map(|_| {
                    let sentence = rng.pick(pool).clone();
                    vary(rng, &sentence, words)
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let first = sentences(&paras[0])[0].to_string();
    // Links: the first words of a paragraph lead to the other article.
    for slug in links {
        let p = rng.between(1, paragraphs - 1);
        let words: Vec<&str> = paras[p].splitn(4, ' ').collect();
        if words.len() == 4 {
            paras[p] = format!(
                "[{} {} {}]({slug}.md) {}",
                words[0], words[1], words[2], words[3]
            );
        }
    }
    let mut blocks: Vec<String> = paras;
    if rng.chance(20) {
        let at = rng.between(2, blocks.len() - 1);
        blocks.insert(
            at,
            format!(
                "## {}",
                title_from(rng.pick(pool).as_str(), rng.between(3, 6))
            ),
        );
    }
    if rng.chance(30) {
        let numbered = rng.chance(50);
        let items: Vec<String> = (1..=rng.between(3, 6))
            .map(|k| {
                let sentence = rng.pick(pool).clone();
                let item = title_from(&vary(rng, &sentence, words), rng.between(6, 12));
                if numbered {
                    format!("{k}. {item}")
                } else {
                    format!("- {item}")
                }
            })
            .collect();
        let at = rng.between(1, blocks.len());
        blocks.insert(at, items.join("\n"));
    }
    if rng.chance(20) {
        let at = rng.between(1, blocks.len());
        let sentence = rng.pick(pool).clone();
        blocks.insert(at, format!("> {}", vary(rng, &sentence, words)));
    }
    if rng.chance(15) {
        let at = rng.between(1, blocks.len());
        blocks.insert(at, code_block(rng, article));
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    (out, first)
}

/// A fenced code block about the article's facts, in one of several
/// languages that both syntect's and Hugo's highlighters know (syntect's
/// default set has no TOML), so that highlighting has work to do.
fn code_block(rng: &mut Rng, a: &Article) -> String {
    let quoted = |items: &[String]| {
        items
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (t, p) = (quoted(&a.topics), quoted(&a.places));
    let (slug, date, lang) = (&a.slug, a.date.iso(), &a.lang);
    let n = rng.between(2, 900);
    match rng.below(6) {
        0 => format!(
            "```json\n{{\n  \"slug\": \"{slug}\",\n  \"date\": \"{date}\",\n  \"lang\": \"{lang}\",\n  \"topics\": [{t}],\n  \"places\": [{p}],\n  \"tonnes\": {n}000,\n  \"confirmed\": true\n}}\n```"
        ),
        1 => format!(
            "```sql\n-- Shipments of {date}\nSELECT port, SUM(tonnes) AS total\nFROM shipments\nWHERE slug = '{slug}' AND tonnes > {n}\nGROUP BY port\nORDER BY total DESC;\n```"
        ),
        2 => format!(
            "```rust\n/// Cargo through the port, in thousands of tonnes.\nfn cargo(year: u16) -> u32 {{\n    match year {{\n        2006..=2015 => {n},\n        _ => {n} * 2, // the new terminal\n    }}\n}}\n```"
        ),
        3 => format!(
            "```python\ndef cargo(year: int) -> int:\n    \"\"\"Thousands of tonnes through the port.\"\"\"\n    places = [{p}]\n    return {n} * (2 if year > 2015 else 1)\n```"
        ),
        4 => format!("```yaml\nslug: {slug}\ndate: \"{date}\"\ntopics: [{t}]\ntonnes: {n}000\n```"),
        _ => format!(
            "```bash\n# Count the shipments of {date}\ngrep -c '{slug}' shipments.csv | awk '{{ print $1 * {n} }}'\n```"
        ),
    }
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

/// The article as caspian's `content/<slug>.md`.
pub fn caspian_file(a: &Article) -> String {
    let mut out = String::from("---\n");
    writeln!(out, "title: {}", quoted(&a.title)).unwrap();
    writeln!(out, "date: {}", a.date.iso()).unwrap();
    shared_keys(&mut out, a);
    out.push_str(&a.body);
    out
}

/// The keys caspian's and Hugo's front matter write alike, and its end.
fn shared_keys(out: &mut String, a: &Article) {
    writeln!(out, "lang: {}", a.lang).unwrap();
    writeln!(out, "topics: {}", list(&a.topics)).unwrap();
    if !a.people.is_empty() {
        writeln!(out, "people: {}", list(&a.people)).unwrap();
    }
    writeln!(out, "places: {}", list(&a.places)).unwrap();
    if let Some(s) = &a.summary {
        writeln!(out, "summary: {}", quoted(s)).unwrap();
    }
    if let Some(s) = &a.source {
        writeln!(
            out,
            "source:\n  name: {}\n  url: {}",
            quoted(&s.name),
            quoted(&s.url)
        )
        .unwrap();
    }
    out.push_str("---\n\n");
}

/// The article as Hugo's `content/articles/<slug>.md`: the same keys, a
/// full date (and the date as known in `date_known` when it is not full),
/// links through `relref`.
pub fn hugo_file(a: &Article) -> String {
    let mut out = String::from("---\n");
    writeln!(out, "title: {}", quoted(&a.title)).unwrap();
    writeln!(out, "date: {}", a.date.full()).unwrap();
    if !a.date.is_full() {
        writeln!(out, "date_known: {}", quoted(&a.date.iso())).unwrap();
    }
    shared_keys(&mut out, a);
    let mut body = a.body.clone();
    for slug in &a.links {
        body = body.replace(
            &format!("]({slug}.md)"),
            &format!("]({{{{< relref \"{slug}.md\" >}}}})"),
        );
    }
    out.push_str(&body);
    out
}

/// A taxonomy term's page in Hugo: its name and description; a feed only
/// for topics, as in caspian.
fn hugo_term(n: &Named, feed: bool) -> String {
    format!(
        "---\ntitle: {}\ndescription: {}\n{}---\n",
        quoted(&n.name),
        quoted(&n.description),
        if feed { "" } else { "outputs: [HTML]\n" }
    )
}

/// Every file of both sites, in order, as (relative path, bytes): `caspian/…`
/// and `hugo/…`.
pub fn each_file(sources: &Sources, articles: &[Article], put: &mut dyn FnMut(String, Vec<u8>)) {
    put(
        "caspian/site.toml".into(),
        sources.site_toml.clone().into_bytes(),
    );
    put(
        "caspian/entities.toml".into(),
        sources.entities_toml.clone().into_bytes(),
    );
    for a in articles {
        put(
            format!("caspian/content/{}.md", a.slug),
            caspian_file(a).into_bytes(),
        );
        put(
            format!("hugo/content/articles/{}.md", a.slug),
            hugo_file(a).into_bytes(),
        );
    }
    for (path, text) in &sources.hugo_files {
        put(format!("hugo/{path}"), text.clone().into_bytes());
    }
    for (name, bytes) in &sources.assets {
        put(format!("hugo/static/assets/{name}"), bytes.clone());
    }
    for (tax, all) in [
        ("topics", &sources.topics),
        ("people", &sources.people),
        ("places", &sources.places),
    ] {
        for n in all.iter() {
            put(
                format!("hugo/content/{tax}/{}/_index.md", n.slug),
                hugo_term(n, tax == "topics").into_bytes(),
            );
        }
    }
}

/// Every file of both sites, relative path → bytes.
pub fn site_files(sources: &Sources, articles: &[Article]) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    each_file(sources, articles, &mut |path, bytes| {
        out.insert(path, bytes);
    });
    out
}

/// Writes both sites under `out` (`out/caspian`, `out/hugo`), replacing
/// what a previous run wrote there; returns the number of files written.
pub fn write_sites(out: &Path, sources: &Sources, articles: &[Article]) -> io::Result<usize> {
    for side in ["caspian", "hugo"] {
        let dir = out.join(side);
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
        }
    }
    let mut made: HashSet<PathBuf> = HashSet::new();
    let mut count = 0;
    let mut result = Ok(());
    each_file(sources, articles, &mut |rel, bytes| {
        if result.is_err() {
            return;
        }
        let path = out.join(rel);
        result = (|| {
            if let Some(parent) = path.parent()
                && made.insert(parent.to_path_buf())
            {
                std::fs::create_dir_all(parent)
                    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", parent.display())))?;
            }
            std::fs::write(&path, &bytes)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
        })();
        count += 1;
    });
    result.map(|()| count)
}
