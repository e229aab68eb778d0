"""Native-format readers: every data row kept in order, problems reported with their row number."""

from __future__ import annotations

from pathlib import Path

import pytest

from hifazat.evaluation.datasets import get_dataset
from hifazat.evaluation.readers import clean_label, decode_escaped_comment


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    return path


def test_ruhsold_lines_with_crlf_keep_order_and_labels(tmp_path: Path) -> None:
    path = write(tmp_path, "t1.tsv", "tum acha ho\t1\r\nye kya bakwas hai\t0\r\n")
    result = get_dataset("ruhsold-task1").read(path)
    assert [(r.index, r.text, r.label) for r in result.rows] == [
        (0, "tum acha ho", "1"),
        (1, "ye kya bakwas hai", "0"),
    ]
    assert result.problems == []


def test_ruhsold_row_without_tab_is_reported_and_still_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "t1.tsv", "pehli line\t1\nbina label ke\nteesri\t7\n")
    result = get_dataset("ruhsold-task1").read(path)
    assert len(result.rows) == 3
    assert [p.row for p in result.problems] == [1, 2]
    assert "no tab" in result.problems[0].message
    assert "unknown label '7'" in result.problems[1].message


def test_ruhsold_file_of_bare_texts_is_unlabelled(tmp_path: Path) -> None:
    path = write(tmp_path, "t1.tsv", "sirf text\naur text\n")
    result = get_dataset("ruhsold-task1").read(path)
    assert not result.has_labels
    assert [r.label for r in result.rows] == [None, None]


def test_olid_test_file_without_labels_is_read_by_header(tmp_path: Path) -> None:
    path = write(
        tmp_path, "testset-levela.tsv", 'id\ttweet\n15923\t@USER "quoted" words here\n27014\tsecond\n'
    )
    result = get_dataset("olid-a").read(path)
    assert not result.has_labels
    assert result.rows[0].text == '@USER "quoted" words here'  # quotes are text in OLID, not CSV quoting


def test_olid_merged_gold_file_finds_the_label_column_wherever_it_is(tmp_path: Path) -> None:
    path = write(
        tmp_path, "gold.tsv", "id\ttweet\tsubtask_a\tsubtask_b\n1\tnice one\tNOT\tNULL\n2\tugh\tOFF\tUNT\n"
    )
    result = get_dataset("olid-a").read(path)
    assert [r.label for r in result.rows] == ["NOT", "OFF"]


def test_trac_file_without_header_uses_positions_and_multiline_quotes(tmp_path: Path) -> None:
    path = write(tmp_path, "trac.csv", 'fb_1,"line one\nline two",OAG\nfb_2,plain,NAG\n')
    result = get_dataset("trac-en-fb").read(path)
    assert [(r.text, r.label) for r in result.rows] == [("line one\nline two", "OAG"), ("plain", "NAG")]


def test_sms_file_with_header_and_tabs_inside_the_message(tmp_path: Path) -> None:
    path = write(tmp_path, "sms.tsv", "Label\tSMS\nham\tsee you\tat 5\nspam\tWIN now\n")
    result = get_dataset("sms-spam").read(path)
    assert [(r.text, r.label) for r in result.rows] == [("see you\tat 5", "ham"), ("WIN now", "spam")]


def test_urdu_threat_test_columns_differ_from_train_columns(tmp_path: Path) -> None:
    train = write(tmp_path, "train.csv", "Tweets,label,S/G\nپہلا,1,0\n")
    test = write(tmp_path, "test.csv", "Tweet,Threat,G/S\nدوسرا,0,2\n")
    assert get_dataset("urdu-threat").read(train).rows[0].label == "1"
    assert get_dataset("urdu-threat").read(test).rows[0].label == "0"


def test_davidson_row_with_a_bad_class_is_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "d.csv",
        ",count,hate_speech,offensive_language,neither,class,tweet\n0,3,0,0,3,2,hello\n1,3,0,0,3,9,bye\n",
    )
    result = get_dataset("davidson").read(path)
    assert [r.label for r in result.rows] == ["2", None]
    assert result.problems[0].row == 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", "1"),  # plain
        (" 1.0 ", "1"),  # spreadsheet export of an integer
        ('"OFF"', "OFF"),  # quoted
    ],
)
def test_clean_label(raw: str, expected: str) -> None:
    assert clean_label(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"You are nice."', "You are nice."),  # quotes removed, nothing to decode
        ('"caf\\xc3\\xa9 \\n ok"', "café \n ok"),  # escaped UTF-8 bytes and newline
        ('"A\\\\xc2\\\\xa0b"', "A\xa0b"),  # escaped twice
    ],
)
def test_kaggle_comments_are_unescaped(raw: str, expected: str) -> None:
    assert decode_escaped_comment(raw) == expected
