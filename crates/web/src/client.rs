//! Who the client is: the direct peer's address, or, when that peer is a trusted proxy, the
//! address it says it forwarded for (`X-Forwarded-For`, read from the right, past every
//! trusted hop). A header from anyone else is ignored: it would let a client choose the
//! address its sign-in failures are counted under.

use std::net::IpAddr;

use ipnet::IpNet;

/// The proxies whose `X-Forwarded-For` is believed (addresses or CIDR ranges).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses `["127.0.0.1", "10.0.0.0/8", "::1"]`; the error names the value refused.
    pub fn parse<S: AsRef<str>>(values: &[S]) -> Result<TrustedProxies, String> {
        values
            .iter()
            .map(|v| {
                let v = v.as_ref().trim();
                v.parse::<IpNet>()
                    .or_else(|_| v.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("'{v}' is neither an IP address nor a CIDR range"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    pub fn contains(&self, ip: &IpAddr) -> bool {
        self.0.iter().any(|n| n.contains(ip))
    }

    /// The client's address as text ("unknown" when the server was not told the peer).
    pub fn client(&self, peer: Option<IpAddr>, forwarded_for: Option<&str>) -> String {
        let Some(peer) = peer else {
            return "unknown".into();
        };
        if !self.contains(&peer) {
            return peer.to_string();
        }
        let Some(chain) = forwarded_for else {
            return peer.to_string();
        };
        let hops: Vec<IpAddr> = match chain
            .split(',')
            .map(|h| h.trim().parse::<IpAddr>())
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(h) => h,
            // A chain with a hop we cannot read tells nothing we can trust.
            Err(_) => return peer.to_string(),
        };
        hops.iter()
            .rev()
            .find(|h| !self.contains(h))
            .or(hops.first())
            .map(|h| h.to_string())
            .unwrap_or_else(|| peer.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        s.parse().ok()
    }

    #[test]
    fn forwarded_for_only_from_trusted_proxies() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.client(ip("198.51.100.9"), Some("203.0.113.7")),
            "198.51.100.9"
        );
        assert_eq!(none.client(None, Some("203.0.113.7")), "unknown");
        let lb = TrustedProxies::parse(&["10.0.0.0/8", "127.0.0.1"]).unwrap();
        assert_eq!(
            lb.client(ip("10.1.2.3"), Some("203.0.113.7")),
            "203.0.113.7"
        );
        // The client wrote its own header; the proxy appended the real address.
        assert_eq!(
            lb.client(ip("10.1.2.3"), Some("1.2.3.4, 203.0.113.7, 10.9.9.9")),
            "203.0.113.7"
        );
        assert_eq!(lb.client(ip("10.1.2.3"), Some("garbage")), "10.1.2.3");
        assert_eq!(lb.client(ip("10.1.2.3"), None), "10.1.2.3");
        assert_eq!(
            lb.client(ip("198.51.100.9"), Some("203.0.113.7")),
            "198.51.100.9"
        );
        assert!(TrustedProxies::parse(&["10.0.0.0/33"]).is_err());
        assert!(TrustedProxies::parse(&["::1", "fd00::/8"]).is_ok());
    }
}
