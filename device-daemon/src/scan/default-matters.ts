/**
 * The matters (事项) a kiosk offers when the configuration names none: common hall services with the
 * materials their guides list. Halls replace this with their own list under `scan.matters`.
 */
export const DEFAULT_MATTERS = [
  {
    id: 'social-security-card',
    name: '社会保障卡申领',
    materials: [
      { id: 'id-card', name: '居民身份证', note: '正反面各扫一页' },
      { id: 'application', name: '社会保障卡申领表' },
    ],
  },
  {
    id: 'household-move',
    name: '户口迁移登记',
    materials: [
      { id: 'id-card', name: '居民身份证', note: '正反面各扫一页' },
      { id: 'household-book', name: '居民户口簿' },
      { id: 'move-permit', name: '准予迁入证明' },
    ],
  },
  {
    id: 'sole-proprietor',
    name: '个体工商户设立登记',
    materials: [
      { id: 'id-card', name: '经营者身份证', note: '正反面各扫一页' },
      { id: 'application', name: '个体工商户登记申请书' },
      { id: 'premises', name: '经营场所使用证明' },
    ],
  },
  {
    id: 'medical-reimbursement',
    name: '医疗费用零星报销',
    materials: [
      { id: 'id-card', name: '居民身份证', note: '正反面各扫一页' },
      { id: 'invoices', name: '医疗费用发票' },
      { id: 'records', name: '出院小结或病历', required: false },
    ],
  },
];
