// The JSON shapes of GET /api/stats, /api/stats/route and /api/stats/instrument. Imported by the dashboard (client) as types only.
export {};
