"""What a query asks for: the 文号 in it, and the words to match in the text."""
from django.db.models import Q

from gongkai.policies import text as ptext
from gongkai.policies.docnumber import find_doc_numbers


def doc_numbers(query: str) -> list:
    """The 文号 typed in the query, parsed (any bracket style)."""
    return find_doc_numbers(query)


def number_condition(numbers) -> Q | None:
    if not numbers:
        return None
    condition = Q()
    for number in numbers:
        condition |= Q(issuer_code=number.issuer_code, doc_year=number.year,
                       doc_serial=number.serial)
    return condition


def text_terms(query: str, numbers) -> list[str]:
    """The words to match in the text. A 文号 typed with other words is matched exactly
    instead, so the other words alone decide which further documents come after it."""
    terms = ptext.query_terms(query)
    number_terms = {t for n in numbers for t in ptext.query_terms(n.canonical)}
    rest = [t for t in terms if t not in number_terms]
    return rest or terms
