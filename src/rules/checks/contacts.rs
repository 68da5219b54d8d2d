//! Phones and e-mail: format, distinctness, locality.

use super::*;

pub(super) fn run(check: &Check, cx: &Ctx, hits: &mut Vec<Hit>) {
    let d = cx.draft;
    match check {
        Check::ContactFormat => {
            for p in cx.persons() {
                let c = &p.person.contact;
                let base = format_args!("{}.contact", p.path);
                if let Some(m) = &c.mobile {
                    match phone::mobile(m) {
                        Err(e) => hits.push(Hit::at(format!("{base}.mobile")).var_text("detail", problem_text(&e))),
                        Ok(digits) => {
                            if let Some(w) = phone::mobile_doubt(&digits) {
                                hits.push(
                                    Hit::at(format!("{base}.mobile"))
                                        .var_text("detail", problem_text(&w))
                                        .severity(Severity::Warning),
                                );
                            }
                        }
                    }
                }
                if let Some(m) = &c.emergency_phone
                    && phone::mobile(m).is_err()
                {
                    match phone::landline(m) {
                        Err(e) => hits.push(Hit::at(format!("{base}.emergency_phone")).var_text("detail", problem_text(&e))),
                        Ok(l) => {
                            if let Some(w) = phone::landline_doubt(&l) {
                                hits.push(
                                    Hit::at(format!("{base}.emergency_phone"))
                                        .var_text("detail", problem_text(&w))
                                        .severity(Severity::Warning),
                                );
                            }
                        }
                    }
                }
                if let Some(m) = &c.phone
                    && phone::mobile(m).is_err()
                {
                    match phone::landline(m) {
                        Err(e) => hits.push(Hit::at(format!("{base}.phone")).var_text("detail", problem_text(&e))),
                        Ok(l) => {
                            if let Some(w) = phone::landline_doubt(&l) {
                                hits.push(
                                    Hit::at(format!("{base}.phone"))
                                        .var_text("detail", problem_text(&w))
                                        .severity(Severity::Warning),
                                );
                            }
                        }
                    }
                }
                if let Some(m) = &c.email
                    && let Err(e) = email::email(m)
                {
                    hits.push(Hit::at(format!("{base}.email")).var_text("detail", problem_text(&e)));
                }
            }
        }
        Check::ContactsDistinct { pairs } => {
            for p in cx.persons() {
                for [a, b] in pairs {
                    if let (Some(x), Some(y)) = (contact_value(p.person, a), contact_value(p.person, b))
                        && digits(x) == digits(y)
                        && !digits(x).is_empty()
                    {
                        hits.push(Hit::at(format!("{}.contact.{b}", p.path)).var("a", a.clone()).var("b", b.clone()));
                    }
                }
            }
        }
        Check::ContactsAcrossPersons => {
            let ps = cx.persons();
            for (i, p) in ps.iter().enumerate() {
                for q in ps.iter().take(i) {
                    if Ctx::same_person(p.person, q.person) {
                        continue;
                    }
                    for key in ["mobile", "email"] {
                        if let (Some(x), Some(y)) = (contact_value(p.person, key), contact_value(q.person, key))
                            && (if key == "email" {
                                x.eq_ignore_ascii_case(y)
                            } else {
                                digits(x) == digits(y)
                            })
                        {
                            hits.push(
                                Hit::at(format!("{}.contact.{key}", p.path))
                                    .var("key", key)
                                    .var("other", q.path.clone()),
                            );
                        }
                    }
                }
                // Nobody's emergency phone may be a responsible person's own mobile.
                if let Some(e) = p.person.contact.emergency_phone.as_deref() {
                    for q in ps.iter() {
                        if Ctx::same_person(p.person, q.person) {
                            continue;
                        }
                        if q.person.contact.mobile.as_deref().is_some_and(|m| digits(m) == digits(e)) {
                            hits.push(
                                Hit::at(format!("{}.contact.emergency_phone", p.path))
                                    .var("key", "emergency_phone")
                                    .var("other", q.path.clone()),
                            );
                        }
                    }
                }
            }
        }
        Check::LandlineLocal => {
            let Some(prov) = cx.province else { return };
            for p in cx.persons() {
                if let Some(ph) = &p.person.contact.phone
                    && let Ok(l) = phone::landline(ph)
                    && let Some(lp) = l.province
                    && lp != prov.short
                {
                    hits.push(
                        Hit::at(format!("{}.contact.phone", p.path))
                            .var_text("found", crate::province::resolve(lp).map(place).unwrap_or_else(|| Text::same(lp)))
                            .var_text("province", place(prov)),
                    );
                }
            }
        }
        Check::MobileLocal { provinces } => {
            if d.principal.responsible.contact.mobile.is_some() {
                hits.push(Hit::at("principal.responsible.contact.mobile").var("provinces", provinces.join("、")));
            }
        }
        _ => unreachable!("dispatched by Check::run"),
    }
}
