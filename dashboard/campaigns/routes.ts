import { type DashboardRoute, pageRoute, rawRoute } from '../routes.js';
import { campaignFormPage, createCampaign } from './campaign-new.js';

/** 一令多发: the form page and its POST. */
export const campaignDashboardRoutes: DashboardRoute[] = [
  pageRoute('GET', '/campaigns/new', campaignFormPage),
  rawRoute('POST', '/campaigns', createCampaign),
];
