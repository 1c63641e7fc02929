/* Line icons for the home tiles, drawn inline: kiosks often have no emoji font. */
const common = { width: 120, height: 120, viewBox: '0 0 48 48', fill: 'none', stroke: 'currentColor', strokeWidth: 2.4, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const TicketIcon = () => (
  <svg {...common} aria-hidden="true">
    <path d="M8 12h32v8a4 4 0 0 0 0 8v8H8v-8a4 4 0 0 0 0-8z" />
    <path d="M18 20h12M18 28h8" />
    <path d="M22 12v-4M26 12v-4" />
  </svg>
);

export const RatingIcon = () => (
  <svg {...common} aria-hidden="true">
    <path d="M24 6l5.3 10.8 11.9 1.7-8.6 8.4 2 11.8L24 33.1l-10.6 5.6 2-11.8-8.6-8.4 11.9-1.7z" />
  </svg>
);

export const ScanIcon = () => (
  <svg {...common} aria-hidden="true">
    <path d="M12 6h17l7 7v29H12z" />
    <path d="M29 6v7h7" />
    <path d="M6 26h36" />
    <path d="M17 20h10M17 33h14M17 38h9" />
  </svg>
);

export const CheckInIcon = () => (
  <svg {...common} aria-hidden="true">
    <rect x="8" y="10" width="32" height="30" rx="3" />
    <path d="M8 18h32M16 6v8M32 6v8" />
    <path d="M17 29l5 5 9-10" />
  </svg>
);

export const GuideIcon = () => (
  <svg {...common} aria-hidden="true">
    <path d="M10 8h20l8 8v24H10z" />
    <path d="M16 18h12M16 24h16M16 30h10" />
    <circle cx="34" cy="34" r="6" />
    <path d="M38.5 38.5L43 43" />
  </svg>
);
