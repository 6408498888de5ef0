use super::*;

#[test]
fn page_names_are_told_by_their_extension() {
    assert!(is_page("seeds/a.html"));
    assert!(is_page("seeds/a.HTM"));
    assert!(!is_page("seeds/a.txt"));
}
