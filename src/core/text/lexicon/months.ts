/**
 * Month names, lower case, accents kept, abbreviations without their dot; name → month (1–12).
 * Languages: en, de, fr, es, it, pt, nl, da/sv/no, tr, ru, pl, ar (Egyptian/Gulf and Levantine/Iraqi
 * names). One table for the dateline parser and the headline-card times (which used to know en, de,
 * fr, es, it and pt only; every name it knew is here with the same month).
 */

const MONTH_NAMES: Array<[number, string]> = [];
function addMonths(names: string[][]): void {
  names.forEach((list, i) => {
    for (const n of list) MONTH_NAMES.push([i + 1, n]);
  });
}
addMonths([
  // English
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
]);
addMonths([
  // German
  ['januar', 'jänner', 'jän'],
  ['februar', 'feber'],
  ['märz', 'mär', 'maerz'],
  ['april'],
  ['mai'],
  ['juni'],
  ['juli'],
  ['august'],
  ['september'],
  ['oktober', 'okt'],
  ['november'],
  ['dezember', 'dez'],
]);
addMonths([
  // French
  ['janvier', 'janv'],
  ['février', 'fevrier', 'févr', 'fevr', 'fév'],
  ['mars'],
  ['avril', 'avr'],
  ['mai'],
  ['juin'],
  ['juillet', 'juil'],
  ['août', 'aout'],
  ['septembre'],
  ['octobre'],
  ['novembre'],
  ['décembre', 'decembre', 'déc'],
]);
addMonths([
  // Spanish
  ['enero', 'ene'],
  ['febrero'],
  ['marzo'],
  ['abril', 'abr'],
  ['mayo'],
  ['junio'],
  ['julio'],
  ['agosto', 'ago'],
  ['septiembre', 'setiembre'],
  ['octubre'],
  ['noviembre'],
  ['diciembre', 'dic'],
]);
addMonths([
  // Italian
  ['gennaio', 'gen'],
  ['febbraio'],
  ['marzo'],
  ['aprile'],
  ['maggio', 'mag'],
  ['giugno', 'giu'],
  ['luglio', 'lug'],
  ['agosto'],
  ['settembre', 'set'],
  ['ottobre', 'ott'],
  ['novembre'],
  ['dicembre'],
]);
addMonths([
  // Portuguese
  ['janeiro'],
  ['fevereiro', 'fev'],
  ['março', 'marco'],
  ['abril'],
  ['maio'],
  ['junho'],
  ['julho'],
  ['agosto'],
  ['setembro'],
  ['outubro', 'out'],
  ['novembro'],
  ['dezembro'],
]);
addMonths([
  // Dutch, Scandinavian
  ['januari', 'janvier'],
  ['februari'],
  ['maart', 'mrt', 'marts'],
  ['april'],
  ['mei', 'maj'],
  ['juni'],
  ['juli'],
  ['augustus', 'augusti'],
  ['september'],
  ['oktober'],
  ['november'],
  ['december', 'desember'],
]);
addMonths([
  // Turkish
  ['ocak'],
  ['şubat', 'subat'],
  ['mart'],
  ['nisan'],
  ['mayıs', 'mayis'],
  ['haziran'],
  ['temmuz'],
  ['ağustos', 'agustos'],
  ['eylül', 'eylul'],
  ['ekim'],
  ['kasım', 'kasim'],
  ['aralık', 'aralik'],
]);
addMonths([
  // Russian (genitive and nominative)
  ['января', 'январь'],
  ['февраля', 'февраль'],
  ['марта', 'март'],
  ['апреля', 'апрель'],
  ['мая', 'май'],
  ['июня', 'июнь'],
  ['июля', 'июль'],
  ['августа', 'август'],
  ['сентября', 'сентябрь'],
  ['октября', 'октябрь'],
  ['ноября', 'ноябрь'],
  ['декабря', 'декабрь'],
]);
addMonths([
  // Polish (genitive)
  ['stycznia'],
  ['lutego'],
  ['marca'],
  ['kwietnia'],
  ['maja'],
  ['czerwca'],
  ['lipca'],
  ['sierpnia'],
  ['września', 'wrzesnia'],
  ['października', 'pazdziernika'],
  ['listopada'],
  ['grudnia'],
]);
addMonths([
  // Arabic (Egypt/Gulf transliterations)
  ['يناير'],
  ['فبراير'],
  ['مارس'],
  ['أبريل', 'ابريل', 'إبريل'],
  ['مايو'],
  ['يونيو', 'يونيه'],
  ['يوليو', 'يوليه'],
  ['أغسطس', 'اغسطس'],
  ['سبتمبر'],
  ['أكتوبر', 'اكتوبر'],
  ['نوفمبر'],
  ['ديسمبر'],
]);
addMonths([
  // Arabic (Levant/Iraq)
  ['كانون الثاني'],
  ['شباط'],
  ['آذار'],
  ['نيسان'],
  ['أيار'],
  ['حزيران'],
  ['تموز'],
  ['آب'],
  ['أيلول'],
  ['تشرين الأول'],
  ['تشرين الثاني'],
  ['كانون الأول'],
]);

export const MONTHS: ReadonlyMap<string, number> = new Map(MONTH_NAMES.map(([m, n]) => [n, m]));
