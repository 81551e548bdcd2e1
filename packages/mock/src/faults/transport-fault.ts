/** A fault the transport carries out on top of the response. */
export interface TransportFault {
  /** Wait this long before answering (ms). */
  readonly delayMs: number;
  /** Close the connection without answering (the body is not sent). */
  readonly drop: boolean;
}
