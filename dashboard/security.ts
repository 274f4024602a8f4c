import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Response headers for every dashboard answer. The CSP allows only this origin: the pages load /static/app.js,
 * /static/style.css and /static/echarts.min.js (served by the dashboard, never a CDN), their scripts fetch only
 * same-origin endpoints, and chart options travel as `<script type="application/json">` (data, not script). ECharts
 * sizes its boxes through element.style (CSSOM, which CSP does not govern), so no inline style is allowed. Frames
 * are refused both ways. HSTS only when browsers reach the dashboard over https: over plain http (local or
 * behind a test proxy) it would be ignored at best.
 */
export function dashboardSecurityHeaders(publicUrl: () => string): MiddlewareHandler {
  const common: NonNullable<Parameters<typeof secureHeaders>[0]> = {
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    xContentTypeOptions: true,
  };
  const https = secureHeaders({ ...common, strictTransportSecurity: 'max-age=31536000; includeSubDomains' });
  const http = secureHeaders({ ...common, strictTransportSecurity: false });
  return (c, next) => (publicUrl().startsWith('https:') ? https(c, next) : http(c, next));
}
