import { ZOwnItemsInput, ZSurveySettings, ZSurveySettingsPatch } from '../../../shared/api/surveys';
import { route } from '../../platform/route';
import { presentSettings, replaceOwnItems, updateSettings } from './settings-commands';

/* The questionnaire as the school sets it up: optional items switched off, live results, own items. */

const tags = ['surveys'];

export const settingsRoutes = [
  route({
    method: 'GET',
    url: '/surveys/settings',
    summary: 'The questionnaire settings, default items and own items',
    tags,
    action: 'survey:manage',
    response: ZSurveySettings,
    handler: ({ db, actor }) => presentSettings(db, actor.school.id),
  }),
  route({
    method: 'PATCH',
    url: '/surveys/settings',
    summary: 'Switch optional items off, live results on or off',
    tags,
    action: 'survey:manage',
    body: ZSurveySettingsPatch,
    response: ZSurveySettings,
    writes: true,
    handler: async ({ db, actor, body, audit }) => {
      await updateSettings(db, actor.school.id, body);
      await audit({ action: 'surveys.settings_updated', resourceType: 'survey_settings', resourceId: actor.school.id, changes: { ...body } });
      return presentSettings(db, actor.school.id);
    },
  }),
  route({
    method: 'PUT',
    url: '/surveys/own-items',
    summary: "The school's own items in use (at most 10)",
    tags,
    action: 'survey:manage',
    body: ZOwnItemsInput,
    response: ZSurveySettings,
    writes: true,
    handler: async ({ db, actor, body, audit }) => {
      await replaceOwnItems(db, actor.school.id, body);
      await audit({ action: 'surveys.own_items_updated', resourceType: 'survey_settings', resourceId: actor.school.id, changes: { items: body.items.length } });
      return presentSettings(db, actor.school.id);
    },
  }),
];
