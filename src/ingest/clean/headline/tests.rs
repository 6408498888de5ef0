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
}
