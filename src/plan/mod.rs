//! Plans for people in debt: what a household can put toward its debts each month
//! ([`budget`]), in which order and how fast the debts are then repaid ([`payoff`]), and
//! hardship instalments when they cannot be ([`restructure`]).

pub mod budget;
pub mod payoff;
pub mod restructure;
