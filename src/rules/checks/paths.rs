//! Dotted draft paths with `*` wildcards resolved over the draft's nodes (the `required`
//! check and the rules that name fields).

use super::*;

pub fn get_path<'a>(node: &'a Node, path: &[&str]) -> Vec<(String, Option<&'a Node>)> {
    // Resolves a dotted path with `*` wildcards to concrete paths (and the node, if present).
    fn walk<'a>(node: Option<&'a Node>, rest: &[&str], prefix: String, out: &mut Vec<(String, Option<&'a Node>)>) {
        let Some((head, tail)) = rest.split_first() else {
            out.push((prefix, node));
            return;
        };
        // A scalar where a table was expected (e.g. `responsible = "principal"`) has no sub-keys
        // to require; its type is the reader's business.
        if node.is_some_and(|n| !matches!(n.val, Val::Table(_) | Val::Arr(_))) {
            return;
        }
        let join = |k: &str| {
            if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            }
        };
        if *head == "*" {
            if let Some(Node { val: Val::Arr(items), .. }) = node {
                for (i, it) in items.iter().enumerate() {
                    walk(Some(it), tail, join(&i.to_string()), out);
                }
            }
            return;
        }
        walk(node.and_then(|n| n.get(head)), tail, join(head), out);
    }
    let mut out = Vec::new();
    walk(Some(node), path, String::new(), &mut out);
    out
}

/// One step of a concrete path: a key, or an array index where the pattern has `*`.
#[derive(Clone, Copy)]
pub(super) enum Seg<'p> {
    Key(&'p str),
    Index(usize),
}

pub(super) fn trail_path(trail: &[Seg]) -> String {
    let mut out = String::new();
    for (i, s) in trail.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        match s {
            Seg::Key(k) => out.push_str(k),
            Seg::Index(n) => out.push_str(&n.to_string()),
        }
    }
    out
}

/// Dotted paths sharing their prefixes (`principal.name`, `principal.document.type`, … walk
/// `principal` once). Children keep the order the paths were listed in.
#[derive(Debug, Clone, Default)]
pub struct PathTree {
    children: Vec<(String, PathTree)>,
    /// A listed path ends here.
    leaf: bool,
}

impl PathTree {
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a String>) -> Self {
        let mut root = PathTree::default();
        for p in paths {
            let mut t = &mut root;
            for seg in p.split('.') {
                let i = match t.children.iter().position(|(k, _)| k == seg) {
                    Some(i) => i,
                    None => {
                        t.children.push((seg.to_string(), PathTree::default()));
                        t.children.len() - 1
                    }
                };
                t = &mut t.children[i].1;
            }
            t.leaf = true;
        }
        root
    }
}

/// `visit_path` for every path of `tree` at once.
pub(super) fn visit_tree<'a, 'p>(
    tree: &'p PathTree,
    node: Option<&'a Node>,
    trail: &mut Vec<Seg<'p>>,
    f: &mut dyn FnMut(&[Seg<'p>], Option<&'a Node>),
) {
    if tree.leaf {
        f(trail, node);
    }
    if tree.children.is_empty() || node.is_some_and(|n| !matches!(n.val, Val::Table(_) | Val::Arr(_))) {
        return;
    }
    for (seg, child) in &tree.children {
        if seg == "*" {
            if let Some(Node { val: Val::Arr(items), .. }) = node {
                for (i, it) in items.iter().enumerate() {
                    trail.push(Seg::Index(i));
                    visit_tree(child, Some(it), trail, f);
                    trail.pop();
                }
            }
            continue;
        }
        trail.push(Seg::Key(seg));
        visit_tree(child, node.and_then(|n| n.get(seg)), trail, f);
        trail.pop();
    }
}
