use super::*;

/// The reading's lines of a text.
fn lines(text: &str) -> Vec<String> {
    read(text).text.lines().map(str::to_string).collect()
}

/// The reading of a text is the same whatever its line breaks: every run of whitespace made
/// one space, or a line break after every word, gives the same lines.
fn same_in_every_shape(text: &str) -> Vec<String> {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let narrow: String = text.split_whitespace().collect::<Vec<_>>().join("\n");
    let l = lines(text);
    assert_eq!(lines(&flat), l, "flat");
    assert_eq!(lines(&narrow), l, "one word a line");
    l
}

#[test]
fn labels_start_lines() {
    let l = same_in_every_shape(
        "Séance du 12 mars 2024 Présents : M. Jean DUPONT, Mme Anne MARTIN Absents : M. Luc PETIT Secrétaire de séance : Mme Anne MARTIN",
    );
    assert_eq!(
        l,
        [
            "Séance du 12 mars 2024",
            "Présents : M. Jean DUPONT, Mme Anne MARTIN",
            "Absents : M. Luc PETIT",
            "Secrétaire de séance : Mme Anne MARTIN",
        ]
    );
}

#[test]
fn a_list_ends_where_prose_starts() {
    let l = same_in_every_shape(
        "Absents : Patrick VIGNAL Association départementale pour l'information sur le logement",
    );
    assert_eq!(
        l,
        [
            "Absents : Patrick VIGNAL",
            "Association départementale pour l'information sur le logement"
        ]
    );
}

#[test]
fn entries_without_punctuation_each_start_a_line() {
    let l = same_in_every_shape(
        "Pouvoirs : Madame A. PARENT a donné pouvoir à madame E. CAPELLE Madame C. SERGENT a donné pouvoir à monsieur D. NICOLAS",
    );
    assert_eq!(
        l,
        [
            "Pouvoirs : Madame A. PARENT a donné pouvoir à madame E. CAPELLE",
            "Madame C. SERGENT a donné pouvoir à monsieur D. NICOLAS"
        ]
    );
}

#[test]
fn group_headings_inside_a_list() {
    let l = same_in_every_shape(
        "Délégués titulaires présents : BEAUCHAMP : M. Alain DUFOUR – Mme Martine FRANÇOIS LA CHAPELLE-AUX-SAULES : M. Bruno GAUTIER",
    );
    assert_eq!(
        l,
        [
            "Délégués titulaires présents : BEAUCHAMP : M. Alain DUFOUR – Mme Martine FRANÇOIS",
            "LA CHAPELLE-AUX-SAULES : M. Bruno GAUTIER"
        ]
    );
}

#[test]
fn counts_inside_a_list_are_read_after_it() {
    let l = same_in_every_shape(
        "Excusés ont donné pouvoir : Marta Chron à Marc Baïetto Elus en exercice : 29 Nelly Maroni à France Mendez Elus présents : 17 Secrétaire de séance : Aurélie Sauze",
    );
    assert_eq!(
        l,
        [
            "Excusés ont donné pouvoir : Marta Chron à Marc Baïetto",
            "Nelly Maroni à France Mendez",
            "Elus en exercice : 29",
            "Elus présents : 17",
            "Secrétaire de séance : Aurélie Sauze"
        ]
    );
}

#[test]
fn labels_then_values() {
    let l = same_in_every_shape(
        "Nombre de conseillers en exercice : _ Nombre de conseillers en séance : _ Pouvoirs : _ 29 22 6 Date de l'avis de convocation : 18 mai 2018",
    );
    assert_eq!(
        l,
        [
            "Nombre de conseillers en exercice : 29",
            "Nombre de conseillers en séance : 22",
            "Pouvoirs : 6",
            "Date de l'avis de convocation : 18 mai 2018"
        ]
    );
}

#[test]
fn headings_inside_a_paragraph() {
    let l = same_in_every_shape(
        "adopté à l'unanimité. 2. Budget primitif 2024 Le Maire expose le budget. 3. BUDGET ANNEXE DE L'EAU Monsieur le Maire présente le budget. Vote : Pour : 12 Contre : 0",
    );
    assert_eq!(
        l,
        [
            "adopté à l'unanimité.",
            "2. Budget primitif 2024",
            "Le Maire expose le budget.",
            "3. BUDGET ANNEXE DE L'EAU",
            "Monsieur le Maire présente le budget.",
            "Vote :",
            "Pour : 12",
            "Contre : 0"
        ]
    );
}

#[test]
fn cited_numbers_are_not_headings() {
    let l = same_in_every_shape(
        "Vu l'article 3. Le Maire rappelle que les points 2, 3 et 4 sont reportés.",
    );
    assert_eq!(
        l,
        [
            "Vu l'article 3.",
            "Le Maire rappelle que les points 2, 3 et 4 sont reportés."
        ]
    );
}

#[test]
fn elisions_an_extractor_split() {
    assert_eq!(
        lines("le conseil s est réuni à l Hôtel de ville, qu il a désigné"),
        ["le conseil s'est réuni à l'Hôtel de ville, qu'il a désigné"]
    );
    // An article's letter, a civility, spaced capitals are not elisions.
    assert_eq!(lines("article L 2121-29"), ["article L 2121-29"]);
    assert_eq!(lines("EXTRAIT D U REGISTRE"), ["EXTRAIT D U REGISTRE"]);
}

#[test]
fn page_numbers_alone_on_their_line_are_not_words() {
    assert_eq!(
        lines("Présents : M. Jean DUPONT,\n2 / 5\nMme Anne MARTIN"),
        ["Présents : M. Jean DUPONT, Mme Anne MARTIN"]
    );
}

#[test]
fn spans_map_back_to_the_source() {
    let src = "Présents :\nM. Jean\nDUPONT";
    let r = read(src);
    let at = r.text.find("DUPONT").unwrap();
    assert_eq!(&src[r.to_source(at)..r.to_source(at + 6)], "DUPONT");
}

#[test]
fn names_one_after_another_without_a_label() {
    let l = same_in_every_shape(
        "sous la présidence de Mme Hélène GRANDJEAN, Maire. Mme Hélène GRANDJEAN M. Pierre-Yves BARBIER Mme Lydie MOREAU-SÉVERAC Présents : ABSENTS M. Rémi DUCASSE (pouvoir à Mme Hélène GRANDJEAN)",
    );
    assert_eq!(
        l,
        [
            "sous la présidence de Mme Hélène GRANDJEAN, Maire.",
            "Mme Hélène GRANDJEAN",
            "M. Pierre-Yves BARBIER",
            "Mme Lydie MOREAU-SÉVERAC",
            "Présents :",
            "ABSENTS",
            "M. Rémi DUCASSE (pouvoir à Mme Hélène GRANDJEAN)"
        ]
    );
}

#[test]
fn a_given_name_after_a_surname_starts_the_next_person() {
    let l = same_in_every_shape(
        "Absents : Pierre Bejjaji à Dominique Scheiblin Emmanuelle Bertrand à Pascale Versaut",
    );
    assert_eq!(
        l,
        [
            "Absents : Pierre Bejjaji à Dominique Scheiblin",
            "Emmanuelle Bertrand à Pascale Versaut"
        ]
    );
}

#[test]
fn names_with_commas_are_a_list_even_without_a_label_before() {
    let l = same_in_every_shape(
        "présidence de Monsieur le Maire, Antoine Morel Gilles ARNAUD, Laure BESSON, Marc CHAPUIS. Présents :",
    );
    assert_eq!(
        l,
        [
            "présidence de Monsieur le Maire, Antoine Morel",
            "Gilles ARNAUD, Laure BESSON, Marc CHAPUIS.",
            "Présents :"
        ]
    );
}

#[test]
fn labels_without_their_apostrophes() {
    let l = same_in_every_shape(
        "Vu le dossier. Date d affichage : 15 mars 2024 Secrétaire de séance : M. Théo VALLET",
    );
    assert_eq!(
        l,
        [
            "Vu le dossier.",
            "Date d'affichage : 15 mars 2024",
            "Secrétaire de séance : M. Théo VALLET",
        ]
    );
}

#[test]
fn headings_atop_register_numbers_and_margin_dates() {
    // A register's number before its title heads an item within a numbering; a margin's
    // dated label inside a list that a comma leaves open goes after the list.
    let l = same_in_every_shape(
        "Étaient présents : MM DURAND, PETIT, Date de convocation : 19 février 2018 MMES LEROY, FAURE, conseillers municipaux. 2018.02.26-1 APPROBATION DU COMPTE RENDU Adopté. 2018.02.26-2 VENTE DES CHALETS Adopté.",
    );
    assert_eq!(
        l[0],
        "Étaient présents : MM DURAND, PETIT, MMES LEROY, FAURE, conseillers municipaux."
    );
    assert!(
        l.contains(&"Date de convocation : 19 février 2018".to_string()),
        "{l:?}"
    );
    assert!(
        l.iter().any(|x| x.starts_with("2018.02.26-2 VENTE")),
        "{l:?}"
    );
}
