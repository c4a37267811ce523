// 住民記録の画面のスタイル: the counter screens import their stylesheet
// (styles/resident-counter.css) beside their code, as Vite bundles it; TypeScript needs to know
// that importing a stylesheet for its effect is a module.
declare module "*.css";
