"""Find the lead phrase of a clause when the input has lost its italics.

The tables in ``lexicon/<language>.tsv`` (loaded by ``_lead_tables``, with the morphology
of each language's profile) are tries over casefolded words, learned from the UN's own
markup: a node is there when the UN's italic lead covered that word more often than it
stopped just before it. Walking the trie word by word reproduces the UN's choice
("Reaffirming also", "Noting with deep concern", "Calls upon"). Words the tables have never
seen fall back to morphology: a participle or a listed adjective opens a preambular lead,
a verb in ``-s`` an operative one, each with the adverbs that may follow it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from resparse import _lexicon
from resparse._language import profile
from resparse._lead_tables import (
    CHARACTER_RE,
    FUNCTION_WORDS,
    INTENSIFIERS,
    MAX_ENDING,
    Kind,
    LeadTables,
    adverb_shaped,
    head_index,
    looks_like_lead_word,
    morphology,
    node_at,
    shaped_like_part_lead,
    tables,
    word_key,
)
from resparse._lead_words import opening_words
from resparse._patterns import WORD_TOKEN_RE as _TOKEN_RE
from resparse.model import Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse._lead_tables import LeadNode

_MAX_WORDS = 12
# adverbs that are adjectives before a noun ("further efforts")
_ADJECTIVE_ADVERBS = frozenset({"further"})
_DETERMINERS = frozenset(_lexicon.DETERMINERS)


def lead_length(
    words: Sequence[str], kind: Kind, language: str = "en", scope: str | None = None
) -> int:
    """How many of ``words`` (casefolded, in order) form the lead; 0 when none is found.

    The text walks the trie as deep as its words allow; the deepest node decides where
    the lead ends ("Reaffirming its commitment" vs. "Reaffirming" before "its
    resolution"), deferring to its parent when its own leads ended earlier still.
    """
    if not words:
        return 0
    found = tables(language, scope)
    length = _kind_length(words, kind, language, scope)
    other = _OTHER[kind]
    if not length and words[0] in found.root(other).children:
        # "Recalling its resolution 1502 (2003), reaffirms ...": a paragraph that opens
        # with a lead of the other kind, which only that kind's table knows
        length = _kind_length(words, other, language, scope)
    if CHARACTER_RE.match(words[0]):
        length = _through_adverbial(words, length, found.root(kind))
    elif kind == "pre" and 0 < length < len(words):
        length = _as_operative(words, length, found, language, scope)
    length = _without_closing_words(words, length, found.root(kind), language)
    return _with_adjective(words, length, language, found.finals)


def _without_closing_words(words: Sequence[str], length: int, root: LeadNode, language: str) -> int:
    """The lead without the determiners and conjunctions it ended on, and back to a real end.

    No lead ends on the language's determiners or conjunctions ("Remerciant de leurs",
    "Exige de toutes"); cut there, a lead that now ends on a word on which the tables saw
    no lead end ("Remerciant de", where every lead went on to "de nouveau") goes back to
    the last word on which one did ("Remerciant").
    """
    closing = _closing_words(language)
    if not 1 < length <= len(words) or words[length - 1] not in closing:
        return length
    while length > 1 and words[length - 1] in closing:
        length -= 1
    while length > 1 and (node := node_at(root, words[:length])) is not None and not node.ends:
        length -= 1
    return length


def _as_operative(
    words: Sequence[str], length: int, found: LeadTables, language: str, scope: str | None
) -> int:
    """A preambular lead made of a particle and an operative verb, read on by that verb's leads.

    Arabic opens a preambular clause with "وإذ" (whereas) and the verb an operative
    paragraph opens with ("وإذ تدين", "تدين"): where the preambular lead stopped right
    after the verb ("وإذ تدين" + "بقوة", strongly, which its table never saw there), the
    operative table's leads of that verb finish the phrase; a lead that went on past the
    verb is the preambular table's own reading. A particle is a first word on which
    (almost) no lead ends (``_rarely_ended``).
    """
    if length != _PARTICLE_AND_VERB:
        return length
    particle = found.pre.children.get(words[0])
    if particle is None or not _rarely_ended(particle, scope) or words[1] not in found.op.children:
        return length
    if node_at(found.pre, words[: length + 1]) is not None:
        return length  # the preambular table saw the longer phrase and stopped before it
    return max(length, 1 + _kind_length(words[1:], "op", language, scope))


_PARTICLE_AND_VERB = 2


def _with_adjective(
    words: Sequence[str], length: int, language: str, finals: frozenset[str]
) -> int:
    """A lead that ends on a noun with its possessive ending, finished by its adjective.

    "وإذ تعيد تأكيد إدانتها" + "القوية" (its strong condemnation): where the language puts
    the adjective after its noun, with the article, and the tables saw that adjective
    (in either gender) end leads after such a noun (``finals``), the lead takes it; an
    object ("دعوتها الدول", its call upon States) ends none and stays out.
    """
    shape = morphology(language)
    if not shape.possessive_suffixes or not 0 < length < len(words):
        return length
    following = words[length]
    if not (
        words[length - 1].endswith(shape.possessive_suffixes)
        and following.startswith(shape.article)
    ):
        return length
    forms = {following}
    for end in shape.gender_endings:
        forms |= {following.removesuffix(end), following + end}
    return length + 1 if forms & finals else length


def _through_adverbial(words: Sequence[str], length: int, root: LeadNode) -> int:
    """A Chinese lead taken on through a modifier that the adverbial particle "地" closes.

    "严重关切地注意到", "最强烈地谴责", "遗憾地注意到": the characters before "地" modify
    the verb after it, so where a lead the tables saw whole follows the particle, the
    lead runs to its end, wherever the walk stopped in the modifier.
    """
    for at in range(max(length, 1), min(len(words), _MAX_MODIFIER)):
        if not CHARACTER_RE.match(words[at]):
            return length  # a modifier is one run of characters
        if words[at] == _ADVERBIAL:
            whole = _whole_lead(root, words[at + 1 : at + 1 + _MAX_CHARACTERS])
            return at + 1 + whole if whole else length
    return length


_ADVERBIAL = "地"
_MAX_MODIFIER = 10  # characters a modifier before "地" may run to, from the part's start


_OTHER: dict[Kind, Kind] = {"pre": "op", "op": "pre"}


def _kind_length(words: Sequence[str], kind: Kind, language: str, scope: str | None) -> int:
    """The lead's length read with the tables and morphology of one kind."""
    length = _walk_length(words, kind, language, scope)
    head = head_index(words, language)
    if head and length <= head:
        # the walk ended inside an opening adverb: the adverb, then its head's own lead
        rest = _walk_length(words[head:], kind, language, scope)
        return head + rest if rest else length
    return length


def _walk_length(
    words: Sequence[str], kind: Kind, language: str, scope: str | None, *, body: str | None = None
) -> int:
    """The walk through the tables of ``scope``.

    ``body`` is the text's own scope, which the fallback to the language's whole table
    keeps (see _rarely_ended).
    """
    body = scope if body is None else body
    found = tables(language, scope)
    root = found.root(kind)
    node = root.children.get(words[0])
    if node is None:
        return _morphological_length(words, kind, language, found.objects)
    limit = min(len(words), _MAX_WORDS)
    path = [node]
    endings = morphology(language).case_endings
    while len(path) < limit:
        word = words[len(path)]
        child = path[-1].children.get(word)
        if child is None and endings:
            child = _other_case(path[-1], word, endings)
        if child is None:
            break
        path.append(child)
    length = _decide(path)
    while length > 1 and words[length - 1] in _DETERMINERS:
        length -= 1  # a lead ends on "for" or "upon" ("Calls for"), never on "its" or "the"
    if scope is not None and length == len(path) < limit and _mostly_went_on(path[-1]):
        # the body's table ran out of words where its own leads mostly went on ("Expresses
        # its deep" before "concern"): the language's whole table knows more of the phrase
        general = _walk_length(words, kind, language, None, body=body)
        if general > length:
            return general
    if length == len(path) and length < limit:
        adverbs = morphology(language).adverbs
        extended = _extend(
            words, path, limit, found, adverbs, kind=kind, language=language, scope=body
        )
        extended = _bound_run(words, max(extended, length), limit, found.bound, language)
        if extended > length:
            return _with_tails(words, extended, root, limit, found.tails[kind])
    length = max(_back_off(path, length), 1)
    return _with_tails(words, length, root, limit, found.tails[kind])


def _other_case(node: LeadNode, word: str, endings: int) -> LeadNode | None:
    """The child that is ``word`` in another case: the same stem, another ending.

    "вновь заявляя о своем решительном осуждении": where the tables saw only "о своей",
    the walk goes on through "своем" as through "своей"; the stem keeps four letters at
    least, so that short words of another sense ("таким", "также") stay apart.
    """
    for cut in range(1, endings + 1):
        stem = word[:-cut]
        if len(stem) < _MIN_STEM:
            return None
        same = [
            child
            for known, child in node.children.items()
            if known.startswith(stem) and len(known) - len(stem) <= endings
        ]
        if same:
            return max(same, key=lambda child: child.inside)
    return None


_MIN_STEM = 4


def _mostly_went_on(node: LeadNode) -> bool:
    """Whether most of the leads that reached this node went on past its word."""
    return 2 * node.ends < node.inside


def _with_tails(
    words: Sequence[str],
    length: int,
    root: LeadNode,
    limit: int,
    tails: frozenset[tuple[str, ...]],
) -> int:
    """The lead finished by the modifiers that follow it, where the trie never saw them.

    "Prenant note avec satisfaction *également*": the tables saw "également" finish
    leads after many heads, not after this one. The trie's own word wins where it saw
    the pair: a node whose leads stopped before the modifier keeps it out.
    """
    heads = _tail_heads(tails)
    for _ in range(2):  # "prie également de nouveau": two modifiers at most
        if length >= limit or words[length] not in heads:
            return length  # no modifier opens with the next word (most leads)
        tail = next(
            (
                tail
                for size in range(min(3, limit - length), 0, -1)
                if (tail := tuple(words[length : length + size])) in tails
            ),
            None,
        )
        if tail is None:
            return length
        known = node_at(root, words[: length + len(tail)])
        after = node_at(root, words[: length + 1])
        if known is not None or (after is not None and after.stop > after.inside):
            return length
        length += len(tail)
    return length


@functools.cache
def _tail_heads(tails: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The words the modifiers open with, so that a lead no modifier follows is done at once."""
    return frozenset(tail[0] for tail in tails if tail)


def _extend(  # noqa: PLR0913 - the walk so far, and what the language's leads look like
    words: Sequence[str],
    path: list[LeadNode],
    limit: int,
    found: LeadTables,
    adverbs: frozenset[str],
    *,
    kind: Kind,
    language: str,
    scope: str | None = None,
) -> int:
    """The lead's length past the deepest node, where the next word finishes the phrase."""
    inner, objects = found.inner, found.objects
    length = len(path)
    following = words[length]
    run = _intensifier_run(words, length, limit)
    if run and length + run < limit and _phrase_head(words[length + run], kind, language):
        # "Being further deeply concerned": adverbs that lead to the phrase's own head
        return length + run + 1
    if _adverb_goes_on(following, language) and following not in objects:
        # an adverb of manner the tables never saw after this head ("Déplorant
        # vivement", "Condena inequívocamente"), and the participle or adjective it leads
        # to ("Demeurant vivement préoccupée", "Reste profondément préoccupée"); a word
        # with an elided article is a noun ("l’engagement")
        length += 1
        after = words[length] if length < limit else ""
        if after.isalpha() and looks_like_lead_word(after, "pre", language):
            length += 1
        return length
    if path[-1].ends == 0 and CHARACTER_RE.match(following):
        return _characters_length(words, path, limit, found.root(kind), found.endings)
    if (
        _rarely_ended(path[-1], scope)
        and not _function_word(following, language)
        and following not in adverbs
    ):
        # a phrase never seen whole ("Noting with interest"): take its head, and the word
        # after any the tables saw only inside leads ("будучи крайне обеспокоена")
        length += 1
        while length < limit and words[length - 1] in inner:
            length += 1
        length = _through_phrase(words, length, limit, kind, language)
        if length < limit and words[length] in objects and words[length - 1] not in objects:
            length += 1  # "Having taken note": the unseen participle's object
        elif (
            length < limit
            and not looks_like_lead_word(words[length - 1], kind, language)
            and looks_like_lead_word(words[length], kind, language)
            and words[length] in found.within
        ):
            length += 1  # "будучи крайне обеспокоена": an unseen modifier, then its head
        return length
    if following in adverbs and (
        following not in _ADJECTIVE_ADVERBS
        or (length + 1 < len(words) and words[length + 1] in FUNCTION_WORDS)
    ):
        # "Recognizing moreover", "Affirming further the ...": an adverb the tables did
        # not see here ("further" before a noun is an adjective: "Encourages further efforts")
        return length + 1
    return length


def _through_phrase(
    words: Sequence[str], length: int, limit: int, kind: Kind, language: str
) -> int:
    """A lead taken past the tables' phrase, finished where its words say it is not.

    An adjective declined for case brings the noun it agrees with ("вновь заявляя о
    своей безоговорочной" + "поддержке"); a preambular lead that has no word of a
    lead's shape yet ("с особым интересом", with special interest) runs to the head it
    modifies, two words on at most ("отмечая"), unless a function word comes first.
    """
    suffixes = morphology(language).adjective_suffixes
    taken = 0
    while (
        suffixes
        and taken < _MAX_ADJECTIVES
        and length < limit
        and words[length - 1].endswith(suffixes)
        and words[length].isalpha()
        and len(words[length]) > _SHORTEST_NOUN  # a preposition: "призывом" + "к"
        and not _function_word(words[length], language)
    ):
        length += 1
        taken += 1
    if kind != "pre" or any(looks_like_lead_word(word, kind, language) for word in words[:length]):
        return length
    for at in range(length, min(length + _HEAD_REACH, limit)):
        if _function_word(words[at], language) or not words[at].isalpha():
            break
        if looks_like_lead_word(words[at], kind, language):
            return at + 1
    return length


_MAX_ADJECTIVES = 3
_SHORTEST_NOUN = 2  # letters: the words of two letters or fewer are prepositions ("к", "на")
_HEAD_REACH = 2


def _rarely_ended(node: LeadNode, scope: str | None) -> bool:
    """Whether (almost) no lead ended on this node's word: one in twenty at most.

    "إذ" (whereas) opens 215 leads that go on and ends one, a stray italic: a walk that
    runs out of the trie there is inside a phrase, as where none ended. The Security
    Council's italics end leads at the head far more often ("Condemns" before "in the
    strongest terms"), so in its texts one lead that ended there is evidence enough:
    held out, taking the word anyway cost its French leads 0.26 points.
    """
    if scope == "sc":
        return node.ends == 0
    return node.ends * _RARELY <= node.inside


_RARELY = 20


def _bound_run(
    words: Sequence[str],
    length: int,
    limit: int,
    bound: frozenset[tuple[str, str]],
    language: str,
) -> int:
    """The lead taken on through the words the tables never saw a lead end between.

    The walk ran out of the trie here, so the path says nothing of the next word; the
    pairs learned anywhere in the tables do ("شديد" + "القلق", "قلقها" + "البالغ"). A
    function word is never taken so (a body may cut "Condemns" before "in the strongest
    terms" where another goes on), nor a Chinese character: pairs of characters cross
    words, and the character walk decides where a Chinese lead ends. A run never ends
    on a conjunction or a determiner ("выражая сожаление и" opens a second phrase, "Prie
    de nouveau sa" its object).
    """
    start = length
    while (
        length < limit
        and not _function_word(words[length], language)
        and not CHARACTER_RE.match(words[length])
        and (words[length - 1], words[length]) in bound
    ):
        length += 1
    closing = _closing_words(language)
    while length > start and words[length - 1] in closing:
        length -= 1
    return length


def _function_word(word: str, language: str) -> bool:
    """Whether a word is one a lead never takes past the tables' phrase.

    English's function words hold in every language, as before; a language's own
    ``[words] function_words`` add its relatives and contractions ("que", "dont", "del"),
    and a word that opens with an elided one is that word ("qu'il").
    """
    words = _function_words(language)
    if word in words:
        return True
    elided, mark, rest = word.partition("'")
    return bool(mark and rest) and f"{elided}'" in words


@functools.cache
def _function_words(language: str) -> frozenset[str]:
    """English's function words with the language's own ``function_words``, as word keys."""
    own = profile(language).words.get("function_words", frozenset())
    return FUNCTION_WORDS | frozenset(word_key(word) for word in own)


@functools.cache
def _closing_words(language: str) -> frozenset[str]:
    """The words a lead taken on through bound pairs never ends on: conjunctions, determiners."""
    local = profile(language)
    return local.conjunctions | local.words.get("determiners", frozenset()) | _DETERMINERS


def _intensifier_run(words: Sequence[str], start: int, limit: int) -> int:
    """How many intensifying adverbs ("further", "deeply") follow from ``start``."""
    n = 0
    while start + n < limit and words[start + n] in INTENSIFIERS:
        n += 1
    return n


def _phrase_head(word: str, kind: Kind, language: str) -> bool:
    """Whether a word after intensifiers heads a preambular lead ("concerned", "alarmed")."""
    return kind == "pre" and looks_like_lead_word(word, kind, language)


def _adverb_goes_on(word: str, language: str) -> bool:
    """An adverb of manner after a lead's head, where the language's leads take it."""
    shape = morphology(language)
    return (
        shape.adverbs_after_head
        and word.isalpha()
        and word not in shape.non_leads  # "Rappelant notamment": a word that opens no lead
        and adverb_shaped(word, language)
    )


def _back_off(path: list[LeadNode], length: int) -> int:
    """End where a lead did end, when no lead ever ended on the word ``length`` reached.

    "Recalling in" before "this regard": the tables know "Recalling in particular", so
    "in" is inside leads, but none ended there and nothing follows that finishes one.
    """
    if path[length - 1].ends:
        return length
    return next((d for d in range(length - 1, 0, -1) if path[d - 1].ends), length)


def _characters_length(
    words: Sequence[str],
    path: list[LeadNode],
    limit: int,
    root: LeadNode,
    endings: frozenset[str] = frozenset(),
) -> int:
    """A Chinese lead's length where the walk stopped on a character no lead ended on.

    Chinese counts characters, not words: a head the tables saw ("表示", "又") is followed
    by a whole lead they know ("满意地注意到"), not by one more character; where none
    follows and no lead ended on the path either, the next character finishes the word
    ("又核" + "准", "相" + "信"): a lead never ends inside a word; a lead the tables
    know whole right after that word is the head it modifies ("断然" + "谴责"). Where a lead did end
    earlier on the path, the characters past it open a second lead the tables know whole
    ("重申" + "深信", "再次" + "强调"), or else they are the clause's own words and the
    walk backs off to that end ("关切" of "关切地看到"). Where no lead ended on the path,
    a run of characters the tables saw end leads after their heads (``endings``:
    "关切", "严重关切") finishes the lead before one character would cut a word.
    """
    length = len(path)
    whole = _whole_lead(root, words[length:limit])
    if whole:
        return length + whole
    ended = max((depth for depth, node in enumerate(path, start=1) if node.ends), default=0)
    if not ended:
        run = _ending_run(words, length, limit, endings)
        if run:
            return length + run  # "又表示" + "关切", a run the tables saw end leads
        # the word finished, and the head it modifies where the tables know that one
        # whole: "断然" then "谴责"
        return length + 1 + _whole_lead(root, words[length + 1 : limit])
    return ended + _whole_lead(root, words[ended:limit])


def _ending_run(words: Sequence[str], at: int, limit: int, endings: frozenset[str]) -> int:
    """The longest run of characters from ``at`` that the tables saw end leads, else 0."""
    for size in range(min(MAX_ENDING, limit - at), 1, -1):
        if (
            all(len(w) == 1 for w in words[at : at + size])
            and "".join(words[at : at + size]) in endings
        ):
            return size
    return 0


def opens_whole_lead(text: str, kind: Kind, language: str) -> bool:
    """Whether a lead the tables saw whole opens a Chinese text (its characters).

    The first character's count says little there ("注" opens 330 leads, all of them
    "注意到", none "注重"); the lead the tables saw whole says whether a line opens one.
    """
    return _whole_lead(tables(language).root(kind), text[:_MAX_CHARACTERS]) > 0


_MAX_CHARACTERS = 16  # longer than any Chinese lead of the tables


def _whole_lead(root: LeadNode, words: Sequence[str]) -> int:
    """The length of the longest lead the tables saw whole at the start of ``words``."""
    node, best = root, 0
    for depth, word in enumerate(words, start=1):
        child = node.children.get(word)
        if child is None:
            break
        node = child
        if node.ends:
            best = depth
    return best


def _decide(path: list[LeadNode]) -> int:
    """Where the lead ends, decided by the deepest node, deferring upward when told to."""
    deferred = False  # a deeper node said the lead ended before this node's own word
    for depth in range(len(path), 0, -1):
        here = path[depth - 1]
        if not deferred and here.inside and here.inside >= max(here.stop, here.shorter):
            return depth
        if here.stop >= here.shorter or depth == 1:
            return max(depth - 1, 1)
        deferred = True
    return 1


def _morphological_length(
    words: Sequence[str], kind: Kind, language: str, objects: frozenset[str]
) -> int:
    """The lead of a part whose first word the tables never saw, from the words' shapes.

    A head of the language's lead shapes, with the object that finishes the phrase of
    many heads in the tables ("اقتناعا *منها*", "Having taken *note*") and the adverbs
    that may follow it.
    """
    first = words[0]
    n = 0
    if first in INTENSIFIERS and len(words) > 1 and looks_like_lead_word(words[1], kind, language):
        n = 2
    elif shaped_like_part_lead(first, kind, language):
        n = 1
        if len(words) > 1 and words[1] in objects:
            n = 2
    elif adverb_shaped(first, language) and len(words) > 1:
        # an adverb the tables have not seen before a lead they know: "Unequivocally condemns"
        head = words[1]
        known = head in tables(language).root(kind).children
        if known or looks_like_lead_word(head, kind, language):
            n = 2
    if n == 0:
        return 0
    adverbs = morphology(language).adverbs
    while n < len(words) and words[n] in adverbs:
        n += 1
    return n


@functools.cache
def _body_words(language: str) -> tuple[tuple[str, ...], ...]:
    """Each body name of a language as words, longest first, with "the" before it in English."""
    article = ("the",) if language == "en" else ()
    names = sorted(profile(language).bodies, key=len, reverse=True)
    return tuple((*article, *_words_of(name)) for name in names)


def _words_of(text: str) -> list[str]:
    return [m[0].casefold() for m in _TOKEN_RE.finditer(text) if m[0][:1].isalnum()]


@functools.cache
def _body_first_words(language: str) -> frozenset[str]:
    """The words a body's name opens with ("the" in English), to rule most parts out at once."""
    return frozenset(body[0] for body in _body_words(language) if body)


def subject_length(words: Sequence[tuple[str, int, int]], language: str = "en") -> int:
    """How many opening words name the body itself ("The Security Council"), else 0."""
    if not words or words[0][0] not in _body_first_words(language):
        return 0  # most paragraphs open with their verb: no name can match
    folded = tuple(w for w, _, _ in words[:12])
    for body in _body_words(language):
        if folded[: len(body)] == body and len(folded) > len(body):
            return len(body)
    return 0


def lead_words(
    source: str, pieces: Sequence[tuple[int, int]], kind: Kind, language: str
) -> list[tuple[str, int, int]]:
    """The opening words where a lead may stand: after "The Security Council" in old texts."""
    words = opening_words(source, pieces)
    if kind == "op":
        # old texts open paragraphs with their subject: "1. The Security Council requests ..."
        words = words[subject_length(words, language) :]
    return words


def lead_by_words(
    words: Sequence[tuple[str, int, int]], kind: Kind, language: str, scope: str | None
) -> Span | None:
    """The lead the lead tables find in ``words``, where no italics say where it ends."""
    n = lead_length([w for w, _, _ in words], kind, language, scope)
    return Span(words[0][1], words[n - 1][2]) if n else None


def scope_of(body: str | None, language: str) -> str | None:
    """The lead tables' scope for a body: its own leads for the HRC and the Security Council."""
    if body is None:
        return None
    english = (profile(language).canonical_body(body) or body).casefold()
    if "human rights council" in english:
        return "hrc"
    if "security council" in english:
        return "sc"
    return None
