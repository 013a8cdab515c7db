//! Budgets and debt-free plans: what a household can put toward its debts each month
//! ([`budget`]), and in which order and how fast the debts are then repaid ([`payoff`]).

pub mod budget;
pub mod payoff;
