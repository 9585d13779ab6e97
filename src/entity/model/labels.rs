//! The label set of the tagger: `O` and `B`/`M`/`E`/`S` (begin, middle,
//! end, single) for each entity kind, the transitions a path may take, and
//! the conversion between spans and labels.

use super::super::EntityKind;

/// The kinds the shipped model tags, in label order.
pub(crate) const KINDS: [EntityKind; 3] = [EntityKind::Person, EntityKind::Place, EntityKind::Org];

/// Labels: `O`, then `B M E S` for each of [`KINDS`].
pub(crate) const LABELS: usize = 1 + 4 * KINDS.len();

/// The label `O` (outside any name).
pub(crate) const OUTSIDE: u8 = 0;

/// Where a character stands in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The first character of a name of several.
    Begin = 0,
    /// A character inside a name, neither first nor last.
    Middle = 1,
    /// The last character of a name of several.
    End = 2,
    /// A name of one character.
    Single = 3,
}

/// The label of `part` of a name of kind index `kind`.
pub(crate) fn label(kind: usize, part: Part) -> u8 {
    (1 + 4 * kind + part as usize) as u8
}

/// The kind index and part of label `l`, `None` for `O`.
pub(crate) fn split(l: u8) -> Option<(usize, Part)> {
    let l = usize::from(l).checked_sub(1)?;
    let part = match l % 4 {
        0 => Part::Begin,
        1 => Part::Middle,
        2 => Part::End,
        _ => Part::Single,
    };
    Some((l / 4, part))
}

/// The index of `kind` in [`KINDS`].
pub(crate) fn kind_index(kind: EntityKind) -> Option<usize> {
    KINDS.iter().position(|&k| k == kind)
}

/// Whether a name is open after label `l` (it is `B` or `M`).
fn open(l: u8) -> bool {
    matches!(split(l), Some((_, Part::Begin | Part::Middle)))
}

/// Whether label `to` may follow label `from`.
pub(crate) fn allowed(from: u8, to: u8) -> bool {
    match (split(from), split(to)) {
        (Some((k, Part::Begin | Part::Middle)), Some((j, Part::Middle | Part::End))) => k == j,
        _ => !open(from) && !matches!(split(to), Some((_, Part::Middle | Part::End))),
    }
}

/// Whether a path may start with label `l`.
pub(crate) fn may_start(l: u8) -> bool {
    !matches!(split(l), Some((_, Part::Middle | Part::End)))
}

/// Whether a path may end with label `l`.
pub(crate) fn may_end(l: u8) -> bool {
    !open(l)
}

/// The names of a label path: `(first char, end char exclusive, kind
/// index)`. A well-formed path only; a broken one (which constrained
/// decoding never gives) yields the names that are closed.
pub(crate) fn names(path: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    names_into(path, &mut out);
    out
}

/// [`names`] into `out` (cleared first), reused from path to path.
pub(crate) fn names_into(path: &[u8], out: &mut Vec<(usize, usize, usize)>) {
    out.clear();
    let mut start = None;
    for (i, &l) in path.iter().enumerate() {
        match split(l) {
            Some((k, Part::Single)) => out.push((i, i + 1, k)),
            Some((k, Part::Begin)) => start = Some((i, k)),
            Some((k, Part::End)) => {
                if let Some((s, sk)) = start.take().filter(|&(_, sk)| sk == k) {
                    out.push((s, i + 1, sk));
                }
            }
            Some((_, Part::Middle)) => {}
            None => start = None,
        }
    }
}

/// The labels of a sentence of `len` characters holding `names`
/// (`(first char, end char exclusive, kind index)`, not overlapping).
pub(crate) fn encode(len: usize, names: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut path = vec![OUTSIDE; len];
    for &(a, b, k) in names {
        if a >= b || b > len {
            continue;
        }
        if b - a == 1 {
            path[a] = label(k, Part::Single);
            continue;
        }
        path[a] = label(k, Part::Begin);
        for l in &mut path[a + 1..b - 1] {
            *l = label(k, Part::Middle);
        }
        path[b - 1] = label(k, Part::End);
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_through_names() {
        let names_in = vec![(0, 3, 0), (3, 4, 1), (6, 8, 2)];
        let path = encode(9, &names_in);
        assert_eq!(path, vec![1, 2, 3, 8, 0, 0, 9, 11, 0]);
        assert_eq!(names(&path), names_in);
    }

    #[test]
    fn transitions_keep_names_whole() {
        let b_per = label(0, Part::Begin);
        let e_per = label(0, Part::End);
        let e_org = label(2, Part::End);
        assert!(allowed(b_per, e_per));
        assert!(!allowed(b_per, e_org));
        assert!(!allowed(b_per, OUTSIDE));
        assert!(!allowed(OUTSIDE, e_per));
        assert!(allowed(e_per, b_per));
        assert!(may_start(b_per) && !may_start(e_per));
        assert!(may_end(e_org) && !may_end(b_per));
    }
}
