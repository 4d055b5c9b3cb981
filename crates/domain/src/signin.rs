//! When a sign-in attempt must wait. Attempts are counted under two keys: the account from
//! this client address (a stranger elsewhere cannot lock its owner out), and the address alone
//! (one address cannot try many accounts). The counts include the attempt being judged.

/// The throttle's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    /// Failures of one account from one address before delays start.
    pub pair_free: i64,
    /// Failures from one address, whatever the account, before it must wait for the window.
    pub address_max: i64,
    /// The window failures are counted in (ms).
    pub window_ms: i64,
    /// The first delay once `pair_free` is used up (ms); it doubles with each failure, up to
    /// the window.
    pub first_delay_ms: i64,
}

impl Throttle {
    pub fn new(pair_free: i64, window_ms: i64) -> Throttle {
        Throttle {
            pair_free,
            address_max: pair_free * 4,
            window_ms,
            first_delay_ms: 30_000,
        }
    }

    /// The delay that `failures` failures in the window ask before the next attempt.
    pub fn pair_delay_ms(&self, failures: i64) -> i64 {
        if failures < self.pair_free {
            return 0;
        }
        let doublings = (failures - self.pair_free).min(20) as u32;
        self.first_delay_ms
            .saturating_mul(1_i64 << doublings)
            .min(self.window_ms)
    }

    /// How long (ms) the attempt made `now` must wait, or `None` when it may go on.
    /// `pair` and `address` are (count including this attempt, previous attempt's time, oldest
    /// attempt's time) of the two keys.
    pub fn wait_ms(&self, now: i64, pair: Counted, address: Counted) -> Option<i64> {
        let mut wait = 0;
        if pair.count > self.pair_free {
            if let Some(prev) = pair.previous_at {
                // The failures before this attempt ask their delay since the latest of them.
                wait = wait.max(prev + self.pair_delay_ms(pair.count - 1) - now);
            }
        }
        if address.count > self.address_max {
            if let Some(oldest) = address.oldest_at {
                wait = wait.max(oldest + self.window_ms - now);
            }
        }
        (wait > 0).then_some(wait)
    }
}

/// What the database counted under one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counted {
    pub count: i64,
    pub previous_at: Option<i64>,
    pub oldest_at: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    fn c(count: i64, previous_at: i64, oldest_at: i64) -> Counted {
        Counted {
            count,
            previous_at: Some(previous_at),
            oldest_at: Some(oldest_at),
        }
    }

    #[test]
    fn delays_grow_after_the_free_failures() {
        let t = Throttle::new(5, 15 * MIN);
        assert_eq!(t.pair_delay_ms(4), 0);
        assert_eq!(t.pair_delay_ms(5), 30_000);
        assert_eq!(t.pair_delay_ms(6), 60_000);
        assert_eq!(t.pair_delay_ms(7), 120_000);
        assert_eq!(
            t.pair_delay_ms(40),
            15 * MIN,
            "never longer than the window"
        );
        let now = 100 * MIN;
        // Four failures, then the fifth attempt at once: it goes on.
        assert_eq!(t.wait_ms(now, c(5, now - 1, now - 5), c(5, now, now)), None);
        // Five failures: the sixth attempt waits 30 s from the fifth.
        assert_eq!(
            t.wait_ms(now, c(6, now - 1, now - 5), Counted::default()),
            Some(29_999)
        );
        // Six failures: 60 s.
        assert_eq!(
            t.wait_ms(now, c(7, now - 1_000, now - 9), Counted::default()),
            Some(59_000)
        );
        assert_eq!(
            t.wait_ms(now, c(7, now - 61_000, now - 70_000), Counted::default()),
            None
        );
    }

    #[test]
    fn an_address_trying_many_accounts_waits_for_the_window() {
        let t = Throttle::new(5, 15 * MIN);
        let now = 100 * MIN;
        assert_eq!(
            t.wait_ms(now, c(1, now, now), c(20, now - 1, now - 10 * MIN)),
            None
        );
        assert_eq!(
            t.wait_ms(now, c(1, now, now), c(21, now - 1, now - 10 * MIN)),
            Some(5 * MIN)
        );
    }
}
