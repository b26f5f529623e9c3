#!/usr/bin/env python3
"""Dev tool: writes the text fixtures whose exact bytes matter.

- fixtures/extrait_markup.txt      UTF-8 with NBSP / NNBSP, soft hyphens, ligatures, private-use
                                   bullets, stray markdown, page headers/footers and form feeds
- fixtures/extrait_windows1252.txt Windows-1252 bytes, CRLF line endings
- fixtures/extrait_utf16.txt       UTF-16LE with BOM, CRLF line endings

Every special character is written as a Python escape so that no editor can normalise it.
Run from anywhere:  python3 tools/make_text_fixtures.py
Tests never run this script; the generated files are committed.
"""
from pathlib import Path

FIX = Path(__file__).resolve().parent.parent / "fixtures"

NBSP = "\u00a0"   # no-break space
NNBSP = "\u202f"  # narrow no-break space
SHY = "\u00ad"    # soft hyphen
FI = "\ufb01"     # ligature fi
FL = "\ufb02"     # ligature fl
PUA = "\uf0b7"    # private-use bullet (Symbol font bullet as extracted from Word PDFs)
FF = "\f"         # form feed between pages

HEADER = "Commune de Rochefort-sur-Lizaine – Séance du 10 juin 2024 – Page {n}/3"
FOOTER = ("Envoyé en préfecture le 13/06/2024 – Reçu en préfecture le 13/06/2024 – "
          "ID : 025-212504991-20240610-2024_35-DE")

PAGE1 = f"""{HEADER.format(n=1)}

**EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL**

Séance du 10 juin 2024 – Délibération n°{NBSP}2024-35

Nombre de conseillers en exercice{NBSP}: 19
Présents{NNBSP}: 15
Votants{NBSP}: 17

L’an deux mille vingt-quatre, le dix juin à 20{NBSP}h{NBSP}30, le Conseil municipal de la commune de
Rochefort-sur-Lizaine, légalement convoqué le 1^{{er}} juin 2024, s’est réuni en séance publique à la
mairie, sous la présidence de M.{NBSP}Patric k SIMONIN, Maire.

Étaient présents{NBSP}: M.{NBSP}Patric k SIMONIN, Mme{NBSP}Agathe BOILLOT, M.{NBSP}Jean-François VUILLEMIN,
Mme{NBSP}Clémence GIRARDOT, M.{NBSP}Marc PERRENOUD, Mme{NBSP}Sabine COURVOISIER, M.{NBSP}Denis MOUGIN,
Mme{NBSP}Élise BOURGEOIS, M.{NBSP}Lucas FAIVRE, Mme{NBSP}Hélène DROZ,

{FOOTER}
"""

PAGE2 = f"""{HEADER.format(n=2)}

M.{NBSP}Christophe BILLOD, Mme{NBSP}Nadine ROSSEL, M.{NBSP}Pascal GUYON, Mme{NBSP}Anaïs VERNIER,
M.{NBSP}Roland CUENOT.

Absents excusés{NBSP}:
{PUA} Mme{NBSP}Justine PAGNOT donne pouvoir à M.{NBSP}Denis MOUGIN
{PUA} M.{NBSP}Yves GRENIER donne pouvoir à Mme{NBSP}Agathe BOILLOT
Absents{NBSP}: M.{NBSP}Julien CHOPARD, Mme{NBSP}Carole BARTHOD

Conformément à l’article L.{NBSP}2121-15 du Code général des collectivités territoriales,
Mme{NBSP}Clémence GIRARDOT est nommée secrétaire de séance.

**Objet{NBSP}: Demande de subvention au titre du «{NBSP}Fonds vert{NBSP}» – rénovation de
l’éclairage public**

Monsieur le Maire rappelle que l’éclairage public de la commune compte 412 points lumineux,
dont 280 équipés de lampes à vapeur de mercure ou de sodium. Le programme de rénovation
permettrait de réduire d’environ 65{NNBSP}% la consommation d’électricité et de ﬁ-
nancer en partie les travaux grâce au fonds d’accélération de la transition écologique
dans les territoires, dit “{NBSP}Fonds vert{NBSP}”.

Le montant des travaux est estimé à 186{NBSP}400{NBSP}€ HT. Il est proposé de solliciter une subven-
tion de 40{NNBSP}% auprès de l’État, l’autoﬁnancement communal étant porté par un emprunt
de 60{NBSP}000{NBSP}€ et par les fonds propres. M.{NBSP}Marc PERRENOUD signale qu il n’existe pas de
conﬂit d’intérêts avec l’entreprise titulaire du marché d’entretien.

Vu le Code général des collectivités territoriales, notamment son article L2121-29{NNBSP};
Vu la délibé{SHY}ration n°{NBSP}2023-61 du 18 septembre 2023 approuvant le schéma directeur
d’éclairage public{NNBSP};

{FOOTER}
"""

PAGE3 = f"""{HEADER.format(n=3)}

Le Conseil municipal, après en avoir délibéré, **à l’unanimité**{NNBSP}:

{PUA} APPROUVE le programme de rénovation de l’éclairage public{NNBSP};
{PUA} ARRÊTE le plan de ﬁnancement prévisionnel annexé à la présente délibé{SHY}ration{NNBSP};
{PUA} SOLLICITE une subvention de l’État au titre du «{NBSP}Fonds vert{NBSP}»{NNBSP};
{PUA} AUTORISE Monsieur le Maire à signer toutes les pièces af{SHY}férentes à ce dossier.

Pour{NBSP}: 17 – Contre{NBSP}: 0 – Abstention{NBSP}: 0

Le Maire,                                   La secrétaire de séance,
Patrick SIMONIN                             Clémence GIRARDOT

Signé le 12 juin 2024
Publié le 14 juin 2024

{FOOTER}
"""

MARKUP = PAGE1 + FF + PAGE2 + FF + PAGE3


WIN1252 = """SYNDICAT INTERCOMMUNAL À VOCATION MULTIPLE (SIVOM)
DU CANTON DE BELLEGARDE-EN-AUGE

EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU COMITÉ SYNDICAL

Séance du jeudi 22 juin 2023
Délibération n° 2023-14

Délégués en exercice : 12 – Présents : 10 – Votants : 11

L’an deux mille vingt-trois, le vingt-deux juin, à 18 h 30, le Comité syndical du SIVOM du
canton de Bellegarde-en-Auge, légalement convoqué le 15 juin 2023, s’est réuni à la mairie de
Bellegarde-en-Auge sous la présidence de M. François DESLANDES, Président.

Présents : M. François DESLANDES, Mme Nicole HÉBERT-LEROY, M. Jérôme CŒURET, Mme Maëlle
GOUJON, M. Raymond THÉRÈSE, Mme Agnès LEBAS, M. Frédéric SÉNÉCAL, Mme Francine GOSSELIN,
M. Benoît ŒILLET, Mme Ségolène DUPRÉ.
Absents : M. Gaël PERCHERON a donné pouvoir à M. François DESLANDES ; Mme Léonie FOUQUÉ.

Mme Agnès LEBAS est désignée secrétaire de séance.

Objet : Transport scolaire – participation des familles pour l’année 2023-2024

Le Président rappelle que le SIVOM assure, par délégation de la Région, l’organisation du
transport scolaire vers le collège « Les Pommiers ». Il propose de maintenir la participation
des familles à 95 € par élève et par an, et à 47,50 € à partir du troisième enfant, l’œuvre
sociale du syndicat prenant en charge le solde.

Le Comité syndical, après en avoir délibéré, à l’unanimité :
- FIXE la participation des familles à 95 € par élève et par an ;
- FIXE la participation réduite à 47,50 € à partir du troisième enfant transporté.

Pour : 11 – Contre : 0 – Abstention : 0

Le Président,
François DESLANDES

Transmis en préfecture le 27/06/2023
Affiché le 28/06/2023
"""

UTF16 = """Commune de Préaux-du-Bocage

EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL

Séance du jeudi 7 mars 2024

Conseillers en exercice : 11
Présents : 10
Votants : 11

Le sept mars deux mille vingt-quatre à 20h30, le Conseil municipal de Préaux-du-Bocage,
convoqué le 29 février 2024, s’est réuni à la mairie sous la présidence de Mme Ghislaine
LEMARCHAND, Maire.

Étaient présents : Mme Ghislaine LEMARCHAND, M. Hervé LECOURT, Mme Josiane AUVRAY,
M. Bertrand LESAGE, Mme Coralie ANNE, M. Stéphane LEBOUCHER, Mme Yvette GOSSET,
M. Mathieu VOISIN, Mme Odile LELIÈVRE, M. Romain DUJARDIN.
Absent excusé : M. Sylvain ROBINE, qui a donné pouvoir à M. Hervé LECOURT.

M. Mathieu VOISIN est nommé secrétaire de séance.

Délibération n° 2024-06
Objet : Adhésion au service de médecine préventive du centre de gestion

Le Maire rappelle que la commune doit assurer la surveillance médicale de ses agents en
application de l’article L812-3 du code général de la fonction publique. Le centre de gestion
propose une convention d’adhésion de trois ans, pour un coût de 96 € par agent et par an.

Le Conseil municipal, après en avoir délibéré, à l’unanimité, DÉCIDE d’adhérer au service de
médecine préventive du centre de gestion et AUTORISE le Maire à signer la convention.

Pour : 11 – Contre : 0 – Abstention : 0

Transmis en préfecture le 11 mars 2024
Publié le 12 mars 2024
014-211405123-20240307-2024_06-DE
"""


def crlf(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\n", "\r\n")


def main() -> None:
    FIX.mkdir(exist_ok=True)
    (FIX / "extrait_markup.txt").write_bytes(MARKUP.encode("utf-8"))
    # strict: raises if a character is not representable in Windows-1252
    (FIX / "extrait_windows1252.txt").write_bytes(crlf(WIN1252).encode("cp1252"))
    (FIX / "extrait_utf16.txt").write_bytes(b"\xff\xfe" + crlf(UTF16).encode("utf-16-le"))
    for name in ("extrait_markup.txt", "extrait_windows1252.txt", "extrait_utf16.txt"):
        print(name, (FIX / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
