//! Plans for people in debt: hardship instalments (and, from other modules, budgets and payoff).

pub mod restructure;
