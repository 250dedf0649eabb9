//! Locations of a word on a page, packed as Pagefind's index file stores
//! them: runs of numbers, delta-coded, with negative numbers opening a
//! group (a weight in the text, a field in the metadata).

/// Pagefind takes 25 as its common weight here (plain text weighs 24), so
/// every list opens with a weight mark; kept, to index alike.
const FIRST_WEIGHT: u8 = 25;

/// Locations as the index stores them, written onto `locs`: grouped by
/// weight (plain text first), delta-coded inside a group; a negative number
/// `-(w + 1)` starts the group of weight `w` and is followed by an absolute
/// position. Generic so the occurrences of a page are packed where they
/// are, without a copy per word.
pub(super) fn encode_locations<T>(
    items: &mut [T],
    weighted: impl Fn(&T) -> (u8, u32),
    locs: &mut Vec<i32>,
) {
    items.sort_by_key(|item| {
        let (weight, position) = weighted(item);
        let group = if weight == FIRST_WEIGHT { 0 } else { weight };
        (group, position)
    });
    locs.reserve(items.len() + 2);
    let mut current = FIRST_WEIGHT;
    let mut last = 0;
    for item in items.iter() {
        let (weight, position) = weighted(item);
        if weight != current {
            locs.push(-i32::from(weight) - 1);
            locs.push(position as i32);
            current = weight;
        } else {
            locs.push((position - last) as i32);
        }
        last = position;
    }
}

/// The `(weight, position)` pairs of packed locations.
pub(super) fn decode_locations(locs: &[i32]) -> Vec<(u8, u32)> {
    let mut weighted = Vec::with_capacity(locs.len());
    let mut weight = FIRST_WEIGHT;
    let mut position: i64 = 0;
    let mut starts_group = false;
    for &n in locs {
        if n < 0 {
            weight = u8::try_from(-n - 1).unwrap_or(u8::MAX);
            starts_group = true;
            continue;
        }
        position = if starts_group {
            i64::from(n)
        } else {
            position + i64::from(n)
        };
        starts_group = false;
        weighted.push((weight, position as u32));
    }
    weighted
}

/// Packed locations cut to the `keep` heaviest (the earliest among equals).
pub(super) fn heaviest_locations(locs: &[i32], keep: usize) -> Vec<i32> {
    let mut weighted = decode_locations(locs);
    if weighted.len() <= keep {
        return locs.to_vec();
    }
    weighted.sort_by_key(|&(weight, position)| (std::cmp::Reverse(weight), position));
    weighted.truncate(keep);
    let mut trimmed = Vec::with_capacity(keep + 2);
    encode_locations(&mut weighted, |&pair| pair, &mut trimmed);
    trimmed
}

/// Locations in the metadata, written onto `locs`: `-(field + 1)` starts a
/// field, then positions in it, delta-coded. `located` gives an item's
/// `(field, position)`.
pub(super) fn encode_meta_locations<T>(
    items: &mut [T],
    located: impl Fn(&T) -> (u16, u32),
    locs: &mut Vec<i32>,
) {
    items.sort_by_key(&located);
    let mut current = None;
    let mut last = 0;
    for item in items.iter() {
        let (field, position) = located(item);
        if current != Some(field) {
            locs.push(-i32::from(field) - 1);
            current = Some(field);
            last = 0;
        }
        locs.push((position - last) as i32);
        last = position;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trimmed_word_keeps_its_heaviest_locations() {
        // Weight 24 at 2 and 4, weight 168 at 0.
        let locs = [-25, 2, 2, -169, 0];
        assert_eq!(decode_locations(&locs), [(24, 2), (24, 4), (168, 0)]);
        assert_eq!(heaviest_locations(&locs, 1), [-169, 0]);
        assert_eq!(heaviest_locations(&locs, 2), [-25, 2, -169, 0]);
        assert_eq!(heaviest_locations(&locs, 3), locs);
    }
}
