use super::*;

fn cleaned(raw: &str) -> Cleaned {
    clean(&crate::text::normalize(raw))
}

fn body(c: &Cleaned) -> Vec<&str> {
    c.paragraphs().collect()
}

#[test]
fn finds_the_headline_behind_a_caption_and_a_breadcrumb() {
    let c = cleaned(
        "Flag of Kazakhstan\n\nKazakh and Azerbaijani Presidents Strengthen Bilateral Relations in Inaugural Meeting\n\nin Politics / Kazakhstan - by\n\n\nKazakhstan's President met Ilham Aliyev on March 11, 2024. They talked.\n\nThe meeting addressed trade.",
    );
    assert_eq!(
        c.headline.as_deref(),
        Some(
            "Kazakh and Azerbaijani Presidents Strengthen Bilateral Relations in Inaugural Meeting"
        )
    );
    assert_eq!(
        body(&c),
        [
            "Kazakhstan's President met Ilham Aliyev on March 11, 2024. They talked.",
            "The meeting addressed trade."
        ]
    );
    assert!(c.removed.contains(&"Flag of Kazakhstan".to_string()));
    assert!(
        c.removed
            .contains(&"in Politics / Kazakhstan - by".to_string())
    );
}

#[test]
fn takes_the_dateline_caption_and_credit_out_and_names_the_agency() {
    let c = cleaned(
        "President Aliyev met President Tokayev -UPDATED\n\nKassym-Jomart Tokayev,\u{a0}President of Kazakhstan and\u{a0}Ilham Aliyev\n\n© APA | Kassym-Jomart Tokayev,\u{a0}President of Kazakhstan and\u{a0}Ilham Aliyev\n\n# 24 November 2023 15:50 (UTC +04:00)\n\nPresident Ilham Aliyev has met with President Kassym-Jomart Tokayev, APA reports.\n\nThe heads of state first had a short dialogue.\n\nPresident Ilham Aliyev has met with President Kassym-Jomart Tokayev, APA reports.\n\n1 2 3 4 5 İDMAN XƏBƏR",
    );
    assert_eq!(
        c.headline.as_deref(),
        Some("President Aliyev met President Tokayev")
    );
    assert_eq!(
        c.dateline
            .and_then(|m| m.date())
            .map(|d| d.iso())
            .as_deref(),
        Some("2023-11-24")
    );
    assert_eq!(c.source_name.as_deref(), Some("APA"));
    assert_eq!(
        body(&c),
        [
            "President Ilham Aliyev has met with President Kassym-Jomart Tokayev, APA reports.",
            "The heads of state first had a short dialogue."
        ]
    );
}

#[test]
fn footer_furniture_and_sign_off_go() {
    let c = cleaned(
        "Featured\n\nPresidents made a joint statement\n\nThe statement was signed in Astana on April 10, 2023.\n\n\u{a0}\n\nTuraNews\n\nBack to top button",
    );
    assert_eq!(
        c.headline.as_deref(),
        Some("Presidents made a joint statement")
    );
    assert_eq!(
        body(&c),
        ["The statement was signed in Astana on April 10, 2023."]
    );
    assert_eq!(c.source_name.as_deref(), Some("TuraNews"));
}

#[test]
fn tags_and_everything_after_them_go() {
    let c = cleaned(
        "Die Regierungschefs trafen sich in Baku.\nIm Anschluss wurden Dokumente unterzeichnet.\nTags:\nAserbaidschan\nKasachstan",
    );
    assert_eq!(c.headline, None);
    assert_eq!(
        body(&c),
        [
            "Die Regierungschefs trafen sich in Baku.",
            "Im Anschluss wurden Dokumente unterzeichnet."
        ]
    );
}

#[test]
fn furniture_in_other_languages_goes_and_a_short_real_ending_stays() {
    let c = cleaned(
        "Главная > Политика > Казахстан\n\nТокаев и Алиев обсудили поставки газа\n\n17 мая 2024, 14:20\n\nФото: пресс-служба Акорды\n\nПрезиденты обсудили транзит нефти через Каспийское море.\n\nЧитайте также: Алиев прибыл в Астану\n\nРеклама\n\nСтороны договорились встретиться снова.\n\nПоделиться\n\nТеги: Казахстан, Азербайджан\n\nПодписывайтесь на наш Telegram-канал",
    );
    assert_eq!(
        c.headline.as_deref(),
        Some("Токаев и Алиев обсудили поставки газа")
    );
    assert_eq!(
        c.dateline
            .and_then(|m| m.date())
            .map(|d| d.iso())
            .as_deref(),
        Some("2024-05-17")
    );
    assert_eq!(
        body(&c),
        [
            "Президенты обсудили транзит нефти через Каспийское море.",
            "Стороны договорились встретиться снова."
        ]
    );
}

#[test]
fn a_source_label_names_the_publisher() {
    let c = cleaned(
        "Anasayfa > Dünya > Asya\n\nAzerbaycan ve Kazakistan petrol anlaşması imzaladı\n\nİki ülke petrol taşımacılığı konusunda anlaştı.\n\nKaynak: AA\n\nPaylaş",
    );
    assert_eq!(c.source_name.as_deref(), Some("AA"));
    assert_eq!(
        body(&c),
        ["İki ülke petrol taşımacılığı konusunda anlaştı."]
    );
}

#[test]
fn separators_become_breaks_inside_the_text_only() {
    let c = cleaned(
        "First paragraph of the story.\n\nx x x\n\nSecond paragraph of the story.\n\n* * *",
    );
    assert_eq!(
        c.blocks,
        [
            Block::Paragraph("First paragraph of the story.".into()),
            Block::Break,
            Block::Paragraph("Second paragraph of the story.".into())
        ]
    );
}

#[test]
fn a_standfirst_after_the_headline_is_kept() {
    let c = cleaned(
        "Caspian cable to link Baku and Aktau\n\nThe ministers agreed on a route under the sea for data\n\nThe fibre-optic line will run along the seabed.",
    );
    assert_eq!(
        c.headline.as_deref(),
        Some("Caspian cable to link Baku and Aktau")
    );
    assert_eq!(
        body(&c),
        [
            "The ministers agreed on a route under the sea for data",
            "The fibre-optic line will run along the seabed."
        ]
    );
}

#[test]
fn hard_wrapped_lines_are_joined() {
    let paragraphs = split_paragraphs(
        "The presidents of Kazakhstan and Azerbaijan met\nin Baku on Friday to discuss trade.\n\nNext paragraph.",
    );
    assert_eq!(
        paragraphs,
        [
            "The presidents of Kazakhstan and Azerbaijan met in Baku on Friday to discuss trade.",
            "Next paragraph."
        ]
    );
}

#[test]
fn headline_tags_come_off_in_many_forms() {
    assert_eq!(strip_headline_tags("Leaders met -UPDATED"), "Leaders met");
    assert_eq!(strip_headline_tags("Leaders met - VIDEO"), "Leaders met");
    assert_eq!(
        strip_headline_tags("Mədəniyyət Günləri başladı (FOTO)"),
        "Mədəniyyət Günləri başladı"
    );
    assert_eq!(
        strip_headline_tags("Nazir qəbul edib - YENİLƏNİB"),
        "Nazir qəbul edib"
    );
    assert_eq!(
        strip_headline_tags("ФОТО | Токаев прибыл в Баку"),
        "Токаев прибыл в Баку"
    );
    assert_eq!(
        strip_headline_tags("Talks with the OSCE"),
        "Talks with the OSCE"
    );
}

#[test]
fn only_furniture_leaves_nothing() {
    let c = cleaned("Featured\n\nShare\n\nTags:\n\nBack to top button");
    assert!(c.blocks.is_empty());
}

const PROSE: &str = "The council met on a grey morning and talked for four hours about the harbour, the roads and the money it would cost.\n\nMembers agreed that the work would start in spring and that the town would pay half of it.";

#[test]
fn the_headline_is_the_title_a_byline_follows_above_the_prose() {
    let c = cleaned(&format!(
        "Sign up or log in to join the discussion and keep up with all the news here.\n\nNews\n\nSport\n\nWeather\n\nLocal News\n\nHarbour Town Votes to Rebuild Its Old Stone Pier\n\nBy Jane Roe\n\nMarch 3, 2021\n\n{PROSE}"
    ));
    assert_eq!(
        c.headline.as_deref(),
        Some("Harbour Town Votes to Rebuild Its Old Stone Pier")
    );
    assert!(body(&c).iter().any(|p| p.starts_with("The council met")));
    assert!(!body(&c).iter().any(|p| p.starts_with("Harbour Town")));
}

#[test]
fn a_standfirst_under_the_headline_does_not_take_its_place() {
    let c = cleaned(&format!(
        "Menu\n\nHome\n\nHarbour Town Votes to Rebuild Its Old Stone Pier\n\nThe old pier has stood since the war and needs new stones\n\nBy Jane Roe\n\n{PROSE}"
    ));
    assert_eq!(
        c.headline.as_deref(),
        Some("Harbour Town Votes to Rebuild Its Old Stone Pier")
    );
}

#[test]
fn a_headline_shown_twice_above_the_text_is_the_headline_and_leaves_the_body() {
    let c = cleaned(&format!(
        "Harbour Town Votes to Rebuild Its Old Stone Pier\n\nShare on Facebook\n\nShare by email\n\nHarbour Town Votes to Rebuild Its Old Stone Pier\n\n{PROSE}"
    ));
    assert_eq!(
        c.headline.as_deref(),
        Some("Harbour Town Votes to Rebuild Its Old Stone Pier")
    );
    assert!(!body(&c).iter().any(|p| p.starts_with("Harbour Town")));
}

#[test]
fn the_pages_controls_are_never_the_headline() {
    let c = cleaned(&format!(
        "Skip to contentSkip to site index\n\nEnter Search Keywords and find what you need\n\nHarbour Town Votes to Rebuild Pier\n\n{PROSE}"
    ));
    assert_eq!(
        c.headline.as_deref(),
        Some("Harbour Town Votes to Rebuild Pier")
    );
}

#[test]
fn a_lone_sentence_among_menus_is_not_where_the_prose_starts() {
    let lines: Vec<String> = split_paragraphs(&format!(
        "We use cookies to make this site work and to show you the things you may like best.\n\nNews\n\nSport\n\nWeather\n\n{PROSE}"
    ));
    let kind: Vec<Kind> = lines.iter().map(|l| judge(l)).collect();
    assert_eq!(prose_start(&lines, &kind), Some(4));
}

#[test]
fn a_short_kicker_above_the_headline_does_not_take_its_place() {
    let c = cleaned(&format!(
        "Menu\n\nHarbour news\n\nHarbour Town Votes to Rebuild Its Old Stone Pier\n\nBy Jane Roe\n\n{PROSE}"
    ));
    assert_eq!(
        c.headline.as_deref(),
        Some("Harbour Town Votes to Rebuild Its Old Stone Pier")
    );
}

/// Three paragraphs of a report, long enough to be the article's stretch.
const REPORT: &str = "The ferry line between Baku and Kuryk carried a record number of lorries last year, the port authority said on Monday.\n\nOfficials expect the new terminal to double the freight that crosses the Caspian within five years of its opening.\n\nThe two governments have agreed to share the cost of dredging the approach channels to both ports, the statement said.";

#[test]
fn teasers_comments_and_menus_after_the_article_go() {
    let c = cleaned(&format!(
        "Home\nNews\nBusiness\n\nFerries carry record freight\n\n{REPORT}\n\nMore from Business\nTen ports you did not know were busy…\n12:41\nWhy the railway will open late this year\n09:15\nOil prices fall for a third day in a row\nJane Roe on 3 May 2015 at 12:41 said:\nI do not believe a word of it, the ports have been busy for years and nobody cared at all.\nReply\n"
    ));
    assert_eq!(c.headline.as_deref(), Some("Ferries carry record freight"));
    let got = body(&c);
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(got[2].starts_with("The two governments"));
}

#[test]
fn a_line_the_article_repeats_stays_and_one_the_page_repeats_goes() {
    let step = "Keep the receipt of each payment until the end of the year in a safe place.";
    let c = cleaned(&format!(
        "Paying the port dues\n\nThe dues for a lorry on the ferry are paid in three parts, each at a different office of the port.\n\nFirst, the entry fee is paid at the gate before the lorry is weighed and its papers are checked.\n\n{step}\n\nSecond, the berth fee is paid to the ferry company when the ticket for the crossing is bought.\n\n{step}\n\nThird, the customs fee is paid at the customs office before the lorry is allowed on board.\n\n{step}\n\nA lorry that has paid all three may cross on the next ferry without waiting in the queue.\n\n{step}\n\nShare\n{step}\n"
    ));
    let got = body(&c);
    // Three times in the text; once more under it, as the page closes.
    assert_eq!(got.iter().filter(|p| **p == step).count(), 3, "{got:#?}");
    assert!(got.last().unwrap().starts_with("A lorry that has paid"));
}

#[test]
fn a_cookie_notice_is_furniture_and_an_article_about_cookies_is_not() {
    let notice = "We use cookies to give you the best experience on our website; by using the site you agree to our use of cookies.";
    let c = cleaned(&format!(
        "{notice}\n\nFerries carry record freight\n\n{REPORT}"
    ));
    assert!(!body(&c).contains(&notice), "{:#?}", body(&c));
    let about = "Cookies are small files a website leaves in the browser, and advertisers read them to follow readers from site to site.";
    let consent = |line: &str| is_consent(line, &fold(line));
    assert!(!consent(about));
    assert!(consent(
        "Diese Seite benötigt Javascript! Bitte aktivieren Sie Javascript für eine korrekte Darstellung."
    ));
    assert!(consent(
        "Durch Klick auf \"Akzeptieren\" geben Sie Ihre Einwilligung, die Sie jederzeit über Cookie-Einstellungen widerrufen können."
    ));
    for phrase in CONSENT {
        assert!(
            CONSENT_WORDS.iter().any(|w| phrase.contains(w)),
            "{phrase} has none of the words that find a notice"
        );
        assert!(consent(phrase), "{phrase}");
    }
}

#[test]
fn a_written_list_before_the_first_sentence_is_the_articles() {
    let items: String = (1..=8)
        .map(|i| format!("+ Added ferry route number {i} across the Caspian Sea from Baku\n"))
        .collect();
    let c = cleaned(&format!(
        "Home\nNews\n\nWhat changed in the timetable\n\n{items}\nThe old routes stay open until the end of the year, the company said.\n\nShare\n"
    ));
    let got = body(&c);
    assert_eq!(got.len(), 9, "{got:#?}");
    assert!(got[0].starts_with("+ Added ferry route number 1"));
}

#[test]
fn without_a_headline_a_line_with_no_stop_set_apart_above_the_article_is_its_title() {
    let title = "Speech of the President at the ceremony of signing the documents on the transport of crude oil through the territory of three republics by the main export pipeline, Ciragan Palace, 18 November 1999";
    let c = cleaned(&format!(
        "{title}\n\n{}{}{REPORT}",
        "scotch egg\n\n".repeat(4),
        "temp-thumb\n\n".repeat(4)
    ));
    assert_eq!(c.headline.as_deref(), Some(title));
    assert!(!body(&c).contains(&title), "{:#?}", body(&c));
    assert_eq!(body(&c).len(), 3);
}

#[test]
fn a_caption_ending_in_its_photographers_credit_is_no_headline() {
    let caption = "Fishing boats at the old harbour pier at dawn Jane Roe/Reuters";
    assert_eq!(judge(caption), Kind::Furniture);
    let c = cleaned(&format!(
        "Harbour\n\n{caption}\n\nWhy the Old Pier Is the Town's Best Loved Landmark\n\nJohn Doe\n\nThe harbour council met on Monday and talked for four hours about the pier and the money.\n\nMembers agreed that the pier work would start in spring and that the town would pay half."
    ));
    assert_eq!(
        c.headline.as_deref(),
        Some("Why the Old Pier Is the Town's Best Loved Landmark")
    );
}

#[test]
fn a_breadcrumb_ending_in_a_phrase_gives_the_title_when_nothing_else_does() {
    assert_eq!(
        breadcrumb_title("Caspian.Az » Arts & Entertainment » Kazakh Days of Culture open in Baku"),
        Some("Kazakh Days of Culture open in Baku".to_string())
    );
    // A section's name, or a trail of two parts, is no title.
    assert_eq!(breadcrumb_title("Home > News > Politics"), None);
    assert_eq!(
        breadcrumb_title("News » Kazakh Days of Culture open in Baku"),
        None
    );
    let c = cleaned(&format!(
        "Caspian.Az » Arts & Entertainment » Kazakh Days of Culture open in Baku\n19 November 2012 [17:56] - Caspian.Az\n{REPORT}"
    ));
    assert_eq!(
        c.headline.as_deref(),
        Some("Kazakh Days of Culture open in Baku")
    );
}
