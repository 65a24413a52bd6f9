import numpy as np
import pytest

from engine.confusion import confusion_matrix


def test_confusion_counts_each_pair_as_a_loop_does():
    rng = np.random.default_rng(0)
    labels, answers = rng.integers(0, 10, 500), rng.integers(0, 10, 500)
    expected = np.zeros((10, 10), dtype=int)
    for t, p in zip(labels, answers):
        expected[t, p] += 1
    got = confusion_matrix(labels, answers)
    np.testing.assert_array_equal(got, expected)
    assert got.sum() == 500 and np.trace(got) == np.sum(labels == answers)


def test_rows_are_the_truth_and_columns_the_answer():
    got = confusion_matrix(np.array([7, 7, 1], np.uint8), np.array([1, 7, 1]))
    assert got[7, 1] == 1 and got[1, 7] == 0 and got[7, 7] == 1 and got[1, 1] == 1


@pytest.mark.parametrize("labels, answers, said", [([1, 10], [1, 2], "every label must be a class 0-9, got 1..10"),
                                                   ([1, 2], [-1, 2], "every answer must be a class 0-9, got -1..2"),
                                                   ([1, 2, 3], [1, 2], "3 labels but 2 answers")])
def test_out_of_range_or_mismatched_inputs_are_refused(labels, answers, said):
    with pytest.raises(ValueError) as e:
        confusion_matrix(np.array(labels), np.array(answers))
    assert str(e.value) == said
