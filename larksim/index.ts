export { decrypt, encrypt, type SignedHeaders, sealEnvelope, sign } from './crypto.js';
export { decodeFrame, encodeFrame, type Frame } from './longconn/frame.js';
export type {
  SimLongConnection,
  SimLongConnectionAttempt,
  SimLongConnectionClient,
  SimLongConnectionOptions,
  SimLongConnectionPush,
} from './longconn/types.js';
export { startLarkSim } from './server.js';
export type {
  LarkSim,
  LarkSimApp,
  LarkSimDepartment,
  LarkSimOptions,
  LarkSimUser,
  SimCallbackErrorCode,
  SimClickParams,
  SimClickResult,
  SimDelivery,
  SimDeliveryKind,
  SimEventAttempt,
  SimEventDelivery,
  SimEventResult,
  SimFault,
  SimMessage,
  SimRateViolation,
  SimRequestRecord,
  SimSendTextParams,
  SimUrlVerification,
} from './types.js';
export { SimUsageError } from './usage-error.js';
