"""French syllable counting and the Kandel–Moles score."""

from __future__ import annotations

import pytest

from docscheck.rules.readability import count_syllables, kandel_moles, score_blocks


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("immunothérapie", 6),
        ("lymphocyte", 3),
        ("cancer", 2),
        ("thérapie", 3),
        ("cellules", 2),  # mute e and es are not counted
        ("réaction", 3),  # hiatus after é
        ("naïf", 2),  # diaeresis
        ("guérison", 3),  # silent u after g
        ("créée", 2),
        ("l’immunothérapie", 6),  # elided article adds nothing
        ("que", 1),
    ],
)
def test_syllables_of_known_words(word, syllables):
    assert count_syllables(word) == syllables


def test_kandel_moles_formula():
    assert kandel_moles(words=10, sentences=2, syllables=15) == pytest.approx(207 - 1.015 * 5 - 73.6 * 1.5)


def test_known_sentence_score():
    # "Le chat dort." : 3 words, 1 sentence, 1 + 1 + 1 syllables.
    score, words = score_blocks(["Le chat dort."])
    assert words == 3 and score == pytest.approx(207 - 1.015 * 3 - 73.6 * 1)


def test_each_block_ends_a_sentence():
    one, _ = score_blocks(["Le chat dort et le chien mange"])
    two, _ = score_blocks(["Le chat dort", "et le chien mange"])
    assert two > one
