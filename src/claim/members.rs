//! The subjects of a claim while the document is read: most claims have
//! none or one, kept inline, so that setting, copying and reading them
//! costs no allocation (issue 15); a list of two or more lives on the heap.

use crate::entity::Entity;

/// The subject entities of a draft claim, in text order.
#[derive(Debug, Clone, Default)]
pub(super) enum Members<'a> {
    /// No subject.
    #[default]
    Empty,
    /// One subject.
    One(&'a Entity),
    /// Two or more (a list: `A、B涨超3%`).
    Many(Vec<&'a Entity>),
}

impl<'a> Members<'a> {
    /// The members as a slice.
    pub(super) fn as_slice(&self) -> &[&'a Entity] {
        match self {
            Members::Empty => &[],
            Members::One(e) => std::slice::from_ref(e),
            Members::Many(v) => v,
        }
    }

    /// Whether there is no member.
    pub(super) fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }

    /// How many members there are.
    pub(super) fn len(&self) -> usize {
        self.as_slice().len()
    }

    /// The members, in order.
    pub(super) fn iter(&self) -> std::slice::Iter<'_, &'a Entity> {
        self.as_slice().iter()
    }

    /// Adds `e` at the end.
    pub(super) fn push(&mut self, e: &'a Entity) {
        *self = match std::mem::take(self) {
            Members::Empty => Members::One(e),
            Members::One(first) => Members::Many(vec![first, e]),
            Members::Many(mut v) => {
                v.push(e);
                Members::Many(v)
            }
        };
    }
}

impl<'a> FromIterator<&'a Entity> for Members<'a> {
    fn from_iter<I: IntoIterator<Item = &'a Entity>>(iter: I) -> Members<'a> {
        let mut members = Members::Empty;
        for e in iter {
            members.push(e);
        }
        members
    }
}

#[cfg(test)]
mod tests {
    use super::Members;
    use crate::entity::{Entity, EntityKind};

    fn entity(text: &str, start: usize) -> Entity {
        Entity {
            kind: EntityKind::Org,
            text: text.to_string(),
            start,
            end: start + text.len(),
        }
    }

    #[test]
    fn members_keep_their_order_inline_and_on_the_heap() {
        let (a, b, c) = (entity("甲", 0), entity("乙", 6), entity("丙", 12));
        let none: Members<'_> = std::iter::empty().collect();
        assert!(none.is_empty());
        let one: Members<'_> = [&a].into_iter().collect();
        assert!(matches!(one, Members::One(_)));
        assert_eq!(one.len(), 1);
        let three: Members<'_> = [&a, &b, &c].into_iter().collect();
        let texts: Vec<&str> = three.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["甲", "乙", "丙"]);
    }
}
