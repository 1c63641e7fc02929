/**
 * One 事项 of the test hall's catalogue with a whole 办事指南: materials of every kind (原件及复印件, 原件, 可容缺,
 * 非必需 with copies) and every guide field. The window tests and the kiosk's guide in Chromium use the same one.
 */
export const HUKOU_MIGRATION = {
  code: 'HJ-QY-001', name: '户口迁移登记', department: '公安局', categoryId: 'A',
  materials: [
    { id: 'id-card', name: '居民身份证', form: 'original-and-copy', copies: 1 },
    { id: 'household-book', name: '居民户口簿', form: 'original' },
    { id: 'move-permit', name: '准予迁入证明', deferrable: true },
    { id: 'photo', name: '近期免冠照片', required: false, copies: 2 },
  ],
  guide: { conditions: '本市户籍居民', timeLimit: '5个工作日', fee: '不收费', place: '一楼综合窗口', windows: [1, 2], phone: '0768-1234567' },
};
