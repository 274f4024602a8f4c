import { defineSignal } from '@temporalio/workflow';

/** The county loaded an official notice or changed an override: items re-plan on the new calendar. */
export const calendarChangedSignal = defineSignal('calendarChanged');
