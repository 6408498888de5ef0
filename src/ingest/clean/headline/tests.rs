use super::*;

#[test]
fn title_shaped_lines_have_no_final_stop_no_date_and_no_byline() {
    assert!(is_title_shaped("Harbour Town Votes to Rebuild Its Pier"));
    assert!(is_title_shaped("Is the old pier worth saving?"));
    assert!(!is_title_shaped("The old pier has stood since the war."));
    assert!(!is_title_shaped("By Jane Roe and John Doe"));
    assert!(!is_title_shaped("Published March 3, 2021 at noon"));
    assert!(!is_title_shaped("Sign in to your account"));
    assert!(!is_title_shaped("Pier"));
    assert!(is_title_shaped(
        "How Winter Wreaks Havoc on What’s Underneath N.Y.C."
    ));
    assert!(!is_title_shaped(
        "The pier was built by the U.K. Navy in the war."
    ));
}

fn choose_in(text: &str) -> Option<String> {
    super::super::clean(&crate::text::normalize(text)).headline
}

const PROSE: &str = "The harbour council met on Monday and talked for four hours about the pier, the roads and the money it would cost.\n\nMembers agreed that the pier work would start in spring and that the town would pay half of it.";

#[test]
fn the_title_that_shares_the_leads_words_wins_over_teasers_above_it() {
    let text = format!(
        "Weather Warnings Issued Across the Northern Coast Tonight\n\nLocal Football Club Signs a New Goalkeeper From Abroad\n\nCouncil Agrees to Rebuild the Harbour Pier\n\n{PROSE}"
    );
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("Council Agrees to Rebuild the Harbour Pier")
    );
}

#[test]
fn a_title_the_pages_header_shows_again_is_the_headline_however_far_apart() {
    let menu = "News\n\nSport\n\nWeather\n\nCulture\n\nTravel\n\nMoney\n\n".repeat(3);
    let text = format!(
        "Harbour Town Votes on Its Old Stone Pier\n\n{menu}Harbour Town Votes on Its Old Stone Pier\n\nShare this\n\n{PROSE}"
    );
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("Harbour Town Votes on Its Old Stone Pier")
    );
}

#[test]
fn a_short_title_over_a_byline_and_date_is_the_headline() {
    let text = format!(
        "Harbour Notes Blog\n\nAbout\n\nArchive\n\nContact\n\nProjects\n\nOn the Pier\n\nTuesday 15 October 2019 by Jane Roe\n\n{PROSE}"
    );
    assert_eq!(choose_in(&text).as_deref(), Some("On the Pier"));
}

#[test]
fn a_question_over_a_byline_is_the_headline_though_it_ends_like_a_sentence() {
    let text = format!("Menu\n\nWho will pay for the harbour pier?\n\nBy Jane Roe\n\n{PROSE}");
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("Who will pay for the harbour pier?")
    );
}

#[test]
fn a_wire_dateline_or_a_rate_is_never_the_headline() {
    assert_eq!(
        choose_in(&format!("Astana, 3. Juli, AZERTAC\n\n{PROSE}")),
        None
    );
    assert_eq!(choose_in(&format!("USD 1.7000\n\n{PROSE}")), None);
}

#[test]
fn a_long_title_may_name_its_day_and_a_date_line_is_no_title() {
    assert!(is_title_shaped(
        "Official visit of the President to the Republic of Kazakhstan (June 10-11, 1997)"
    ));
    assert!(!is_title_shaped("Published Thursday 27 July 2017"));
}

#[test]
fn stems_are_the_first_five_letters_of_longer_words() {
    let s = stems("The Népal quake: Népalais rescuers");
    assert!(s.contains("nepal") && s.contains("rescu") && !s.contains("the"));
}

#[test]
fn a_byline_under_a_headline_stays_a_line_of_its_own() {
    let text = format!(
        "Markets\n\nThe harbour lottery and the price of the pier\nby Jane Roe @janeroe February 1, 2016: 12:41 PM ET\n\n{PROSE}"
    );
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("The harbour lottery and the price of the pier")
    );
}

#[test]
fn a_short_title_over_its_standfirst_is_the_headline_and_a_name_is_not() {
    let standfirst = "Members want the harbour pier rebuilt before the summer season";
    let text = format!("The harbour council backs a new pier\n\n{standfirst}\n\n{PROSE}");
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("The harbour council backs a new pier")
    );
    // A name or a section over it is a tag, not the title.
    let text = format!("Harbour Pier Council\n\n{standfirst}\n\n{PROSE}");
    assert_eq!(choose_in(&text).as_deref(), Some(standfirst));
}

#[test]
fn a_name_the_prose_opens_with_is_the_title_of_an_encyclopaedias_page() {
    let prose = "Mangystau is a region of western Kazakhstan on the eastern shore of the Caspian Sea, with Aktau as its capital.\n\nIts ports carry oil, grain and lorries to Baku and to the Volga.";
    let text = format!(
        "Mangystau\n\nFrom the encyclopaedia of the steppe\n\nJump to navigation\n\n{prose}"
    );
    assert_eq!(choose_in(&text).as_deref(), Some("Mangystau"));
    // A site's name the prose does not open with is no title.
    let text = format!("Steppe Daily\n\nJump to navigation\n\n{prose}");
    assert_eq!(choose_in(&text), None);
}

#[test]
fn a_time_stamp_is_no_title_in_whatever_form_its_date_is_written() {
    assert!(is_timestamp("12/04/19 7:30pm 12/04/19 7:30pm"));
    assert!(is_timestamp("14 avril 2021 à 09:15"));
    assert!(!is_timestamp("Apollo Lands on the Moon at 20:17"));
    assert!(!is_timestamp("USD 1.7000"));
    assert!(!is_title_shaped("12/04/19 7:30pm 12/04/19 7:30pm"));
}

#[test]
fn a_time_stamp_between_the_title_and_the_text_is_passed_over() {
    let tags = "Filed to: money\n\nshopping\n\nsaving\n\nhabits\n\nbudget\n\nfood\n\nprices\n\nmarkets\n\neditor's picks\n\n";
    let text = format!(
        "Trending now.\n\nSeven Quiet Ways to Spend Less on Groceries\n\n{tags}12/04/19 7:30pm 12/04/19 7:30pm\n\nEdit\n\nShare to Twitter\n\n{PROSE}\n\n{PROSE}"
    );
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("Seven Quiet Ways to Spend Less on Groceries")
    );
}

#[test]
fn a_title_about_javascript_is_a_title_and_a_plea_to_enable_it_is_not() {
    assert!(is_title_shaped(
        "Testing Your Frontend JavaScript Before It Ships"
    ));
    let text = format!(
        "Please enable JavaScript to view the comments powered by Disqus\n\nHarbour Apps Move Their JavaScript to the Pier\n\nBy Jane Roe\n\n{PROSE}"
    );
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("Harbour Apps Move Their JavaScript to the Pier")
    );
}

#[test]
fn a_title_cased_line_ending_in_an_initialism_is_no_first_sentence() {
    let text = format!(
        "Today's Paper\n\nToday's Paper\n\nWhy Harbour Piers Keep Crumbling All Along the U.S.\n\n{PROSE}"
    );
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("Why Harbour Piers Keep Crumbling All Along the U.S.")
    );
    assert!(is_title_case(
        "Why Harbour Piers Keep Crumbling All Along the U.S."
    ));
    assert!(!is_title_case("The pier was built by the navy of the U.K."));
}

#[test]
fn the_headings_of_a_table_of_contents_are_not_the_headline() {
    let text = format!(
        "Harbour Notes\n\nA Practical Guide to Rebuilding an Old Harbour Pier\n\nOn 3/5/2021 by Jane Roe\n\nWhat the Pier Council Decided\n\nWhere the Money for the Pier Comes From\n\nWhen the Pier Work Will Start\n\n{PROSE}\n\nWhat the Pier Council Decided\n\n{PROSE}\n\nWhere the Money for the Pier Comes From\n\n{PROSE}\n\nWhen the Pier Work Will Start\n\n{PROSE}"
    );
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("A Practical Guide to Rebuilding an Old Harbour Pier")
    );
}

#[test]
fn a_title_cased_line_right_over_its_byline_wins_over_a_link_above_it() {
    let text = format!(
        "Archive\n\nTags\n\nAn old copy of the harbour council pages for this site\n\nWhat Everyone Gets Wrong About Votes\n\nTuesday 15 October 2019 by Jane Roe\n\n{PROSE}"
    );
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("What Everyone Gets Wrong About Votes")
    );
}

#[test]
fn a_title_over_a_long_standfirst_is_the_headline() {
    let standfirst = "Members of the council argued for hours about the money the repairs would cost the town this year";
    let text = format!("Menu\n\nLocal\n\nA Fight Over the Harbour\n\n{standfirst}\n\n{PROSE}");
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("A Fight Over the Harbour")
    );
}

#[test]
fn a_signed_title_under_a_box_of_the_sites_own_sentences_is_the_headline() {
    let boxed = "Harbour Checker\n\nWorried about the harbour pier?\n\nSee what the harbour council could decide, and learn about what it means for the town.\n\nGet Started\n\nSecond Opinion: Read what experts say about popular harbour topics.\n\nCommunities: Connect with people like you and get guidance on living by the sea.\n\n";
    let menu = "Living Well\n\nBoats\n\nFishing Trips\n\nWeather Today\n\nTide Tables\n\nLocal Shops\n\nParking\n\nEvents\n\n"
        .repeat(2);
    let text = format!(
        "{boxed}{menu}Boats Return to the Rebuilt Pier at Last\n\nBy Jane Roe\n\n{PROSE}\n\n{PROSE}"
    );
    assert_eq!(
        choose_in(&text).as_deref(),
        Some("Boats Return to the Rebuilt Pier at Last")
    );
}

#[test]
fn an_encyclopaedias_title_shown_twice_wins_over_its_infobox_rows() {
    let prose = "Mangystau is a region of western Kazakhstan on the eastern shore of the Caspian Sea, with Aktau as its capital.\n\nIts ports carry oil, grain and lorries from Kazakhstan to Baku and to the Volga.";
    let text = format!(
        "Mangystau\n\nFrom the encyclopaedia of the steppe\n\nMangystau\n\nCapital Aktau on the Caspian coast\n\nPorts Aktau and Kuryk on the Caspian Sea\n\n{prose}"
    );
    assert_eq!(choose_in(&text).as_deref(), Some("Mangystau"));
}

#[test]
fn a_breadcrumb_trail_is_no_headline_in_any_script() {
    assert!(is_trail(
        "昔話の森 > 今日の昔話 > 一月の昔話 > 欲張りな猫たち"
    ));
    assert!(is_trail("Home > Fables > January > The Greedy Dog"));
    assert!(!is_trail("Why 3 > 2 Is Not Always True"));
    let text = format!(
        "昔話と童話の大きな森 > 今日の港と海の昔話 > 一月の港の昔話集 > 港の古い桟橋\n\n港の古い桟橋\n\nBy Jane Roe\n\n{PROSE}"
    );
    assert_eq!(choose_in(&text).as_deref(), Some("港の古い桟橋"));
}
