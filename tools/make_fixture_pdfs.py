#!/usr/bin/env python3
"""Dev tool: generates the PDF fixtures of registre.

    pip install fpdf2          # pure-Python PDF writer (also pulls Pillow)
    apt-get install -y fonts-dejavu-core   # if /usr/share/fonts/truetype/dejavu is missing
    python3 tools/make_fixture_pdfs.py

Writes:
- fixtures/extrait_pdf_simple.pdf   one page, an extract of a conseil communautaire
- fixtures/pv_pdf_two_pages.pdf     two pages of minutes: header (with a prefecture receipt stamp)
                                    and footer repeated on both pages, and on page 1 a side column
                                    (service, session, counts) to the left of the main text,
                                    drawn AFTER the main text in the content stream, like real
                                    two-column extracts
- tests/data/scan_stamp_only.pdf      two "scanned" pages (raster images, no text layer) whose only
                                    text is a transmission stamp repeated on each page

All names and bodies are invented. Tests never run this script; the PDFs are committed.
Check the output with:  pdftotext -layout fixtures/NAME.pdf -
"""
import datetime as dt
import random
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "fixtures"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
FIXED_DATE = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)  # reproducible metadata


def new_pdf() -> FPDF:
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_creator("registre fixtures")
    pdf.add_font("DejaVu", "", str(REGULAR))
    pdf.add_font("DejaVu", "B", str(BOLD))
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 15, 15)
    return pdf


def para(pdf: FPDF, x: float, w: float, text: str, size: float = 9.5, style: str = "",
         h: float = 4.6, gap: float = 1.6, align: str = "L") -> None:
    """A paragraph at column x (width w) starting at the current y."""
    pdf.set_font("DejaVu", style, size)
    pdf.set_x(x)
    pdf.multi_cell(w, h, text, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.get_y() + gap)


# ---------------------------------------------------------------------------------------------
# 1. extrait_pdf_simple.pdf
# ---------------------------------------------------------------------------------------------

SIMPLE_PRESENT = [
    "Thierry BOUCHET", "Annie LAGARDE", "Michel CHAUVET", "Brigitte DAUPHIN", "Éric NAUDIN",
    "Claudine PERRIER", "Jean-Michel RIBOT", "Sandrine MÉTAYER", "Gérald BOISSEAU",
    "Véronique SIMONNEAU", "Philippe AUDEBERT", "Muriel GIRAUDEAU", "Alain POUPARD",
    "Isabelle CHARRIER", "Dominique BRUNET", "Stéphanie MORISSET", "Jacky GUILLON",
    "Laurence BERNIER", "Pascal COUTANT", "Françoise RATIER", "Yannick MOINARD", "Céline BILLAUD",
    "Hubert ROCHETEAU", "Emmanuelle PINEAU", "Roger MASSÉ", "Delphine TALBOT",
    "Christian BARANGER", "Évelyne FOUCAULT", "Sylvain DEVAUD", "Agnès JOUBERT",
]
assert len(SIMPLE_PRESENT) == 30


def make_simple() -> None:
    pdf = new_pdf()
    pdf.add_page()
    W = 180
    para(pdf, 15, W, "COMMUNAUTÉ D'AGGLOMÉRATION DU PAYS DE VERNELLE", 12, "B", h=6, gap=0, align="C")
    para(pdf, 15, W, "Hôtel d'agglomération – 4 boulevard des Tanneurs – 37900 Vernelle", 8.5,
         h=4.5, gap=4, align="C")
    para(pdf, 15, W, "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE", 11, "B",
         h=6, gap=1, align="C")
    para(pdf, 15, W, "Séance du jeudi 16 octobre 2025", 10, "B", h=5, gap=4, align="C")

    para(pdf, 15, W, "Nombre de conseillers en exercice : 36 – Présents : 30 – Votants : 33",
         9.5, "B", gap=3)
    para(pdf, 15, W,
         "Le Conseil communautaire de la Communauté d'agglomération du Pays de Vernelle, convoqué "
         "le 9 octobre 2025, s'est réuni le jeudi 16 octobre 2025 à 18h00, à l'Hôtel "
         "d'agglomération, sous la présidence de M. Thierry BOUCHET, Président.")
    para(pdf, 15, W, "Présents : " + ", ".join(SIMPLE_PRESENT) + ".", 9)
    para(pdf, 15, W,
         "Pouvoirs : Mme Martine GABORIT donne pouvoir à M. Éric NAUDIN ; M. Joël RAGOT donne "
         "pouvoir à Mme Annie LAGARDE ; Mme Odette BRAUD donne pouvoir à M. Thierry BOUCHET.", 9)
    para(pdf, 15, W, "Absents : M. Francis GIRARD, Mme Nelly CORNUAULT, M. Ludovic AUGER.", 9, gap=0.5)
    para(pdf, 15, W, "Absents non excusés :", 9)
    para(pdf, 15, W, "Mme Céline BILLAUD est désignée secrétaire de séance.", 9, gap=4)

    para(pdf, 15, W, "DEL 2025-110 – Objet : Attribution d'une subvention de fonctionnement 2025 à "
         "la Mission locale du Pays de Vernelle", 10, "B", h=5, gap=3)
    para(pdf, 15, W,
         "Le Président rappelle que la Mission locale accompagne chaque année près de 1 900 jeunes "
         "de 16 à 25 ans du territoire dans leur parcours d'insertion professionnelle et sociale. "
         "Au titre de sa compétence en matière de politique de la ville et de développement "
         "économique, la Communauté d'agglomération participe à son financement.")
    para(pdf, 15, W,
         "Vu le Code général des collectivités territoriales, notamment ses articles L5216-5 et "
         "L1611-4 ;\nVu l'avis de la commission « Développement économique et emploi » du "
         "30 septembre 2025 ;")
    para(pdf, 15, W,
         "Le Conseil communautaire, après en avoir délibéré, à la majorité :\n"
         "- ATTRIBUE à la Mission locale du Pays de Vernelle une subvention de fonctionnement de "
         "148 000 € au titre de l'année 2025 ;\n"
         "- AUTORISE le Président à signer la convention financière correspondante.")
    para(pdf, 15, W, "Pour : 31 – Contre : 0 – Abstentions : 2", 9.5, "B", gap=2)
    para(pdf, 15, W, "ADOPTÉ", 10, "B", gap=6)

    y = pdf.get_y()
    para(pdf, 120, 75, "Le Président,\nThierry BOUCHET", 9.5, align="L")
    pdf.set_y(y)
    para(pdf, 15, 95, "Signé le 17/10/2025\nTransmis en préfecture le 21/10/2025\n"
         "Publié le 22/10/2025\n037-200071234-20251016-DEL2025_110-DE", 8.5, h=4.3)
    pdf.output(str(FIX / "extrait_pdf_simple.pdf"))


# ---------------------------------------------------------------------------------------------
# 2. pv_pdf_two_pages.pdf
# ---------------------------------------------------------------------------------------------

PV_PRESENT = [
    "Arnaud VIGUIER", "Sylvie ESCUDIÉ", "Bernard CAYLA", "Muriel ROQUES", "Jean-Paul BOUSQUIÉ",
    "Nathalie CROS", "Olivier MOLINIER", "Patricia GINESTET", "Karim BELKACEM",
    "Christine AZÉMAR", "Didier ROUQUIER", "Magali PUECH", "Sébastien CAMBON",
    "Fabienne ALIBERT", "Xavier MAURY", "Laetitia DELPOUX", "Guillaume RIEUX", "Hélène BARTHE",
    "Mathieu SALVAN", "Josiane COSTES", "Franck AUGÉ", "Ingrid LAVABRE", "Thierry BALSAN",
    "Marie-Claude FOURNIER-LASSALLE",
]
assert len(PV_PRESENT) == 24

STAMP = ("Accusé de réception – Ministère de l'intérieur\n"
         "034-213412345-20250410-2025_061-DE\n"
         "Acte certifié exécutoire\n"
         "Envoi Préfecture : 14/04/2025\n"
         "Réception en Préfecture : 14/04/2025")


def pv_header_footer(pdf: FPDF, page: int) -> None:
    pdf.set_font("DejaVu", "", 8)
    pdf.set_xy(15, 10)
    pdf.multi_cell(95, 4, "Ville de Sérignac-le-Haut\nConseil municipal du 10 avril 2025",
                   align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(120, 10)
    pdf.multi_cell(78, 3.6, STAMP, border=1, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(15, 284)
    pdf.cell(180, 4, f"Procès-verbal – séance du 10 avril 2025 – Page {page}/2", align="C")


def make_two_pages() -> None:
    pdf = new_pdf()
    X, W = 68, 127  # main column
    # ---- page 1
    pdf.add_page()
    pv_header_footer(pdf, 1)
    pdf.set_y(36)
    para(pdf, X, W, "PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL", 11, "B", h=5.5, gap=3)
    para(pdf, X, W,
         "Convoqué le 3 avril 2025, le Conseil Municipal de la Ville de Sérignac-le-Haut s'est "
         "réuni en mairie, salle du Conseil, le jeudi 10 avril 2025 à 18h00, sous la présidence "
         "de Monsieur le Maire, Arnaud VIGUIER.", 9)
    para(pdf, X, W, "Présents :", 9, "B", gap=0)
    para(pdf, X, W, ",".join(PV_PRESENT) + ".", 8.5, h=4.2)
    para(pdf, X, W,
         "Absents ayant voté par procuration en application de l'article L 2121-20 du Code "
         "Général des Collectivités Territoriales :", 8.5, "B", h=4.2, gap=0)
    para(pdf, X, W, "Rémi CARRIÈRE, Élodie MAS, Jacques TOURNEMIRE.", 8.5, h=4.2)
    para(pdf, X, W, "Absents :", 8.5, "B", h=4.2, gap=0)
    para(pdf, X, W, "Nicolas PRADEL, Sonia GUIRAUD.", 8.5, h=4.2)
    para(pdf, X, W, "Mme Laetitia DELPOUX est désignée secrétaire de séance.", 9, gap=5)

    para(pdf, X, W, "n° 2025 / 061", 9, "B", gap=0)
    para(pdf, X, W, "Restauration collective\nAttribution du marché et autorisation de signature",
         10, "B", h=5, gap=3)
    para(pdf, X, W,
         "Monsieur Bernard CAYLA, adjoint délégué aux affaires scolaires, rapporte :", 9)
    para(pdf, X, W,
         "Le marché de fourniture et de livraison de repas en liaison froide pour les trois "
         "groupes scolaires et l'accueil de loisirs arrive à échéance le 31 août 2025. Un appel "
         "d'offres ouvert a été lancé le 6 janvier 2025 en application des articles L2124-1 et "
         "R2124-1 du code de la commande publique. Quatre offres ont été reçues.", 9)
    para(pdf, X, W,
         "La commission d'appel d'offres, réunie le 20 mars 2025, a retenu l'offre de la société "
         "Saveurs du Causse, économiquement la plus avantageuse, pour un montant annuel estimé à "
         "312 000 € HT, soit un prix unitaire de 3,12 € HT par repas enfant.", 9)
    para(pdf, X, W,
         "Il est proposé au Conseil municipal d'attribuer le marché à la société Saveurs du "
         "Causse pour une durée d'un an reconductible trois fois, et d'autoriser Monsieur le "
         "Maire à le signer.", 9)

    # side column, drawn after the main text (content stream order != visual order)
    pdf.set_y(36)
    for text, style, size in [
        ("Direction des Assemblées\net des Affaires juridiques", "", 8),
        ("Séance publique du\njeudi 10 avril 2025", "B", 9),
        ("Conseillers en exercice : 29\nPrésents : 24\nVotants : 27", "", 9),
    ]:
        para(pdf, 15, 46, text, size, style, h=4.4, gap=5)

    # ---- page 2
    pdf.add_page()
    pv_header_footer(pdf, 2)
    pdf.set_y(36)
    para(pdf, 15, 180,
         "Madame Magali PUECH indique que son groupe votera contre, estimant que la part de "
         "produits issus de l'agriculture biologique, fixée à 30 %, reste insuffisante.", 9)
    para(pdf, 15, 180, "Pour : 25 – Contre : 2 – Abstention : 0", 9, "B", gap=0)
    para(pdf, 15, 180, "Le Conseil adopte.", 9, gap=6)

    para(pdf, 15, 180, "n° 2025 / 062", 9, "B", gap=0)
    para(pdf, 15, 180, "Dénomination de l'esplanade du Foirail", 10, "B", h=5, gap=3)
    para(pdf, 15, 180, "Monsieur le Maire rapporte :", 9)
    para(pdf, 15, 180,
         "À l'issue des travaux de requalification du centre-bourg, il est proposé de dénommer "
         "l'esplanade située entre la halle et l'avenue de Rodez « Esplanade Louise-Calvet », en "
         "hommage à l'ancienne institutrice et résistante de la commune. Vu l'article L2121-29 du "
         "Code général des collectivités territoriales ;", 9)
    para(pdf, 15, 180, "À l'unanimité.", 9, "B", gap=0)
    para(pdf, 15, 180, "Le Conseil adopte.", 9, gap=8)
    para(pdf, 15, 180, "La séance est levée à 19h40.", 9, gap=10)
    y = pdf.get_y()
    para(pdf, 120, 75, "Le Maire,\nArnaud VIGUIER", 9)
    pdf.set_y(y)
    para(pdf, 15, 90, "La secrétaire de séance,\nLaetitia DELPOUX", 9, gap=12)
    para(pdf, 15, 180, "Publié le : 15 avril 2025", 8.5)
    pdf.output(str(FIX / "pv_pdf_two_pages.pdf"))


# ---------------------------------------------------------------------------------------------
# 3. scan_stamp_only.pdf
# ---------------------------------------------------------------------------------------------

SCAN_LINES = [
    ["COMMUNE DE SAINT-GERMER-LES-AULNAIES", "",
     "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL", "",
     "Séance du 7 mars 2024", "",
     "L'an deux mille vingt-quatre, le sept mars à 20h00, le conseil municipal,",
     "légalement convoqué le 29 février 2024, s'est réuni sous la présidence",
     "de M. Raoul DELACOURT, Maire.", "",
     "Présents : M. Raoul DELACOURT, Mme Ginette VASSEUR, M. Paul LHOMME,",
     "Mme Rose QUENNEHEN, M. Yves DUMONTIER, Mme Aline LECAILLON.", "",
     "Objet : Travaux d'enfouissement des réseaux rue de l'Abbaye", "",
     "Le Conseil municipal, après en avoir délibéré, à l'unanimité,",
     "APPROUVE le programme de travaux ..."],
    ["... et AUTORISE le Maire à signer la convention avec le syndicat d'énergie.", "",
     "Pour : 7 – Contre : 0 – Abstention : 0", "",
     "Fait et délibéré les jour, mois et an susdits.", "",
     "Le Maire,", "Raoul DELACOURT"],
]

SCAN_STAMP = ("Envoyé en préfecture le 12/03/2024\nReçu en préfecture le 12/03/2024\n"
              "Publié le 13/03/2024\nID : 060-216001234-20240307-2024_07-DE")


def scan_image(lines: list[str], seed: int) -> Image.Image:
    """A grey, slightly rotated, noisy bitmap of typed text: a scan with no text layer."""
    rnd = random.Random(seed)
    img = Image.new("L", (827, 1169), 246)  # A4 at 100 dpi
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(REGULAR), 15)
    y = 150
    for line in lines:
        draw.text((80, y), line, fill=40, font=font)
        y += 26
    for _ in range(2500):  # dust
        x, yy = rnd.randrange(827), rnd.randrange(1169)
        draw.point((x, yy), fill=rnd.randrange(60, 200))
    img = img.rotate(0.6, resample=Image.BICUBIC, fillcolor=246)
    return img.filter(ImageFilter.GaussianBlur(0.5))


def make_scan() -> None:
    pdf = new_pdf()
    for i, lines in enumerate(SCAN_LINES):
        pdf.add_page()
        pdf.image(scan_image(lines, i), x=0, y=0, w=210, h=297)
        # the transmission platform's stamp: the only real text of the file
        pdf.set_font("DejaVu", "", 7)
        pdf.set_fill_color(255, 255, 255)
        pdf.set_xy(140, 9)
        pdf.multi_cell(62, 3.3, SCAN_STAMP, border=1, fill=True, align="L")
    pdf.output(str(FIX.parent / "tests" / "data" / "scan_stamp_only.pdf"))


def main() -> None:
    for f in (REGULAR, BOLD):
        if not f.exists():
            raise SystemExit(f"missing font {f}: apt-get install -y fonts-dejavu-core")
    FIX.mkdir(exist_ok=True)
    make_simple()
    make_two_pages()
    make_scan()
    for path in (FIX / "extrait_pdf_simple.pdf", FIX / "pv_pdf_two_pages.pdf",
                 FIX.parent / "tests" / "data" / "scan_stamp_only.pdf"):
        print(path.name, path.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
