/** What the dashboard shows of a template; matches `listTemplates()` entries. */
export interface TemplateOption {
  id: string;
  name: string;
  description: string;
  sections: string[];
}
