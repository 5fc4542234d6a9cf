import { Type } from 'typebox';

/** A text in both languages. */
export const Text = Type.Object({ zh: Type.String(), en: Type.String() });
export const EvidenceView = Type.Object(
  {
    id: Type.String(),
    material: Type.Integer(),
    materialName: Text,
    fileName: Type.String(),
    mediaType: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Type.String(),
    uploadedBy: Type.String(),
    uploadedAt: Type.String(),
  },
  { $id: 'EvidenceFile' },
);
