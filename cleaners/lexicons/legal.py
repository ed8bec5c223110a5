"""Copyright and legal footers."""

PHRASES = {
    "any": [
        r"(?:proudly )?powered by \w|theme(?: by|:) \w|all content is licensed|licensed under (?:a |the )?creative commons|lizenziert unter|creative commons (?:by|namensnennung)",
        r"(?:inhalte|texte) (?:dieser|auf dieser) (?:website|webseite|seite|homepage) (?:sind|stehen) unter (?:einer|der)",
        r"^impressum\b|^datenschutz(?:erklärung)?\b|^privacy policy\b|^cookie policy\b",
        r"copyrighted (?:property|material)|written permission must be obtained|sofern nicht anders (?:angegeben|ausgewiesen)|chroniony prawem autorskim|rights reserved",
        r"nutzung der .{0,60} (?:für redaktionelle zwecke|ist gestattet)|reproduction (?:interdite|prohibida)|prohibida su reproducción",
        r"protected by recaptcha|\bcc[- ]by(?:[- ](?:nc|nd|sa))*[- ]\d\.\d|^disclaimer\s*[:(]",
        r"^\(?alle angaben ohne gewähr\)?\.?$|^\(?all information (?:is )?without guarantee\)?\.?$|^\(?sin garantía\)?\.?$",
    ],
    "en": [
        r"^©|^\(c\) ?\d{4}|^copyright\b|all rights reserved|\bterms of (?:use|service)\b.*\bprivacy\b"
    ],
    "ru": [
        r"^©|все права защищены|использование материалов[\w ,—-]* (?:разрешено|только|допускается)|^\d+\+$"
    ],
    "uk": [
        r"^©|усі права захищені|всі права захищені|використання матеріалів[\w ,—-]* (?:дозволено|лише|тільки)"
    ],
    "de": [r"^©|alle rechte vorbehalten"],
    "fr": [r"^©|tous droits réservés"],
    "es": [r"^©|todos los derechos reservados"],
    "it": [r"^©|tutti i diritti riservati|p\. ?iva"],
    "pl": [r"^©|wszelkie prawa zastrzeżone"],
    "pt": [r"^©|todos os direitos reservados"],
}
