//! One small stable sort for the few lists the library orders (debts by rate, dated amounts,
//! known keys in a message). The standard library's sorts are faster on large inputs but add
//! several kilobytes of code to the wasm module per element type; these lists hold at most a few
//! thousand items.

/// Sorts `items` stably by `less` (merge sort, O(n log n), one buffer of `n` items).
///
/// Items that compare equal keep their order, so sorting debts by rate keeps equal-rate debts
/// in input order.
///
/// ```
/// use repayment_plan::sort::sort_by;
/// let mut debts = [("a", 3), ("b", 1), ("c", 3), ("d", 2)];
/// sort_by(&mut debts, |x, y| x.1 > y.1); // highest rate first
/// assert_eq!(debts, [("a", 3), ("c", 3), ("d", 2), ("b", 1)]);
/// ```
pub fn sort_by<T: Copy>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let mut buffer = items.to_vec();
    merge_sort(items, &mut buffer, &less);
}

/// Sorts `items` using `buffer` (of the same length) as scratch space.
fn merge_sort<T: Copy>(items: &mut [T], buffer: &mut [T], less: &impl Fn(&T, &T) -> bool) {
    let mid = items.len() / 2;
    if mid == 0 || buffer.len() != items.len() {
        return;
    }
    {
        let (left, right) = items.split_at_mut(mid);
        let (left_buffer, right_buffer) = buffer.split_at_mut(mid);
        merge_sort(left, left_buffer, less);
        merge_sort(right, right_buffer, less);
    }
    buffer.copy_from_slice(items);
    let (left, right) = buffer.split_at(mid);
    let (mut left, mut right) = (left.iter().peekable(), right.iter().peekable());
    for slot in items.iter_mut() {
        // Take from the right only when strictly less: that keeps the sort stable.
        let from_right = match (left.peek(), right.peek()) {
            (Some(l), Some(r)) => less(r, l),
            (None, _) => true,
            (_, None) => false,
        };
        let next = if from_right {
            right.next()
        } else {
            left.next()
        };
        if let Some(&item) = next {
            *slot = item;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn agrees_with_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0 < b.0);
            let mut std_sorted = items;
            std_sorted.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
